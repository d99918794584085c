package com.leadflow.core.lead;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.leadflow.core.identity.Normalizer;
import com.leadflow.core.lead.Survivorship.Provenance;

/**
 * A lead's stored row, with its profile fields as a map so that survivorship handles every field the same way.
 * Mutable only inside one transaction of the pool.
 */
public final class LeadRow {

	/** Profile fields, as column names. */
	public static final List<String> FIELDS = List.of("name", "title", "decision_role", "region", "province", "city",
			"owner", "budget", "need", "timeframe");

	final long id;

	final Long mergedInto;

	final Map<String, String> fields;

	Long companyId;

	final Map<String, Object> attributes;

	final Map<String, Provenance> sources;

	final String lifecycleStage;

	final Instant createdAt;

	LeadRow(long id, Long mergedInto, Map<String, String> fields, Long companyId, Map<String, Object> attributes,
			Map<String, Provenance> sources, String lifecycleStage, Instant createdAt) {
		this.id = id;
		this.mergedInto = mergedInto;
		this.fields = new LinkedHashMap<>(fields);
		this.companyId = companyId;
		this.attributes = new LinkedHashMap<>(attributes);
		this.sources = new LinkedHashMap<>(sources);
		this.lifecycleStage = lifecycleStage;
		this.createdAt = createdAt;
	}

	static LeadRow fresh(Instant at) {
		return new LeadRow(0, null, Map.of(), null, Map.of(), Map.of(), "NEW", at);
	}

	public long id() {
		return id;
	}

	boolean active() {
		return mergedInto == null;
	}

	String field(String name) {
		return fields.get(name);
	}

	/** The matching key of the name ({@link Normalizer#personMatchName}), stored with the row for duplicate search. */
	String nameKey() {
		return Normalizer.personMatchName(fields.get("name"));
	}

	/**
	 * Offers a value for a field; it is taken when the field is empty or survivorship prefers it.
	 * @return true if the field changed
	 */
	boolean offer(String field, String value, Provenance provenance, Survivorship survivorship) {
		if (value == null || value.equals(fields.get(field))) {
			return false;
		}
		if (fields.get(field) != null && !survivorship.challengerWins(field, sources.get(field), provenance)) {
			return false;
		}
		fields.put(field, value);
		sources.put(field, provenance);
		return true;
	}

	boolean sameProfileAs(LeadRow other) {
		return fields.equals(other.fields) && Objects.equals(companyId, other.companyId)
				&& attributes.equals(other.attributes);
	}

	LeadRow withId(long newId) {
		return new LeadRow(newId, mergedInto, fields, companyId, attributes, sources, lifecycleStage, createdAt);
	}

	LeadRow copy() {
		return new LeadRow(id, mergedInto, fields, companyId, attributes, sources, lifecycleStage, createdAt);
	}
}
