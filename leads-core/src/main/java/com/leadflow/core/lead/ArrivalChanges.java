package com.leadflow.core.lead;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.leadflow.core.lead.Survivorship.Provenance;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each arrival changed on a lead that existed before it (table {@code arrival_change}): the fields it overwrote
 * with their value and provenance before, and their value after; the identity keys it added; the leads it merged.
 * Profile fields are named as {@link LeadRow#FIELDS}, plus {@code company_id} and {@code attributes} (the whole map).
 */
@Repository
class ArrivalChanges {

	/** A value before the arrival, with where it came from. */
	record Before(String value, Provenance provenance) {
	}

	/** One arrival's changes. */
	record Change(long touchId, long leadId, Map<String, Before> before, Map<String, String> after,
			List<Long> addedIdentityIds, List<Long> mergedLeadIds) {
	}

	private final JdbcClient jdbc;

	private final org.springframework.jdbc.core.JdbcTemplate template;

	private final JsonMapper json;

	ArrivalChanges(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	/** What one arrival of a batch changed on an existing lead. */
	record Arrived(long touchId, LeadRow before, LeadRow after, List<Long> addedIdentityIds) {
	}

	private static final String INSERT = """
			insert into arrival_change (touch_id, lead_id, fields_before, fields_after, added_identity_ids, merged_lead_ids)
			values (?, ?, ?::jsonb, ?::jsonb, ?, ?)""";

	/** Records what an arrival changed (nothing is written when it changed nothing). */
	void record(long touchId, LeadRow before, LeadRow after, List<Long> addedIdentityIds, List<Long> mergedLeadIds) {
		Object[] row = row(touchId, before, after, addedIdentityIds, mergedLeadIds);
		if (row != null) {
			jdbc.sql(INSERT).params(row).update();
		}
	}

	/** {@link #record} for a batch of arrivals without merges (one JDBC batch). */
	void recordAll(List<Arrived> arrivals) {
		List<Object[]> rows = new java.util.ArrayList<>();
		for (Arrived a : arrivals) {
			Object[] row = row(a.touchId(), a.before(), a.after(), a.addedIdentityIds(), List.of());
			if (row != null) {
				rows.add(row);
			}
		}
		if (!rows.isEmpty()) {
			template.batchUpdate(INSERT, rows);
		}
	}

	/** The row to store, or null when the arrival changed nothing. */
	private Object[] row(long touchId, LeadRow before, LeadRow after, List<Long> addedIdentityIds,
			List<Long> mergedLeadIds) {
		Map<String, Map<String, String>> was = new LinkedHashMap<>();
		Map<String, String> is = new LinkedHashMap<>();
		for (String field : LeadRow.FIELDS) {
			diff(field, before.fields.get(field), after.fields.get(field), before.sources.get(field), was, is);
		}
		diff("company_id", text(before.companyId), text(after.companyId), before.sources.get("company"), was, is);
		if (!before.attributes.equals(after.attributes)) {
			diff("attributes", json.writeValueAsString(before.attributes), json.writeValueAsString(after.attributes),
					null, was, is);
		}
		if (is.isEmpty() && addedIdentityIds.isEmpty() && mergedLeadIds.isEmpty()) {
			return null;
		}
		return new Object[] { touchId, after.id, json.writeValueAsString(was), json.writeValueAsString(is),
				addedIdentityIds.stream().mapToLong(Long::longValue).toArray(),
				mergedLeadIds.stream().mapToLong(Long::longValue).toArray() };
	}

	private static void diff(String field, String before, String after, Provenance source,
			Map<String, Map<String, String>> was, Map<String, String> is) {
		if (Objects.equals(before, after)) {
			return;
		}
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put("v", before);
		entry.put("s", source == null ? null : source.source());
		entry.put("t", source == null || source.at() == null ? null : source.at().toString());
		was.put(field, entry);
		is.put(field, after);
	}

	private static String text(Long id) {
		return id == null ? null : id.toString();
	}

	Map<Long, Change> of(Collection<Long> touchIds) {
		Map<Long, Change> changes = new LinkedHashMap<>();
		jdbc.sql("""
				select touch_id, lead_id, fields_before::text, fields_after::text, added_identity_ids, merged_lead_ids
				from arrival_change where touch_id = any(?)""")
			.param(touchIds.stream().mapToLong(Long::longValue).toArray())
			.query((rs, i) -> {
				Map<String, Map<String, String>> was = json.readValue(rs.getString(3),
						new TypeReference<Map<String, Map<String, String>>>() {
						});
				Map<String, Before> before = new LinkedHashMap<>();
				was.forEach((field, e) -> before.put(field, new Before(e.get("v"), e.get("s") == null ? null
						: new Provenance(e.get("s"), e.get("t") == null ? null : Instant.parse(e.get("t"))))));
				return new Change(rs.getLong(1), rs.getLong(2), before,
						json.readValue(rs.getString(4), new TypeReference<Map<String, String>>() {
						}), List.of((Long[]) rs.getArray(5).getArray()), List.of((Long[]) rs.getArray(6).getArray()));
			})
			.list()
			.forEach(c -> changes.put(c.touchId(), c));
		return changes;
	}

	void delete(long touchId) {
		jdbc.sql("delete from arrival_change where touch_id = ?").param(touchId).update();
	}

	void deleteOfLead(long leadId) {
		jdbc.sql("delete from arrival_change where lead_id = ?").param(leadId).update();
	}
}
