package com.leadflow.core.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.leadflow.core.identity.IdentityKey;
import com.leadflow.core.identity.IdentityKind;
import com.leadflow.core.identity.Normalizer;
import com.leadflow.core.lead.Survivorship.Provenance;
import com.leadflow.core.privacy.PersonalDataCipher;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored leads and their identities: the explicit SQL of the resolution hot path. */
@Repository
public class Leads {

	/** A stored identity key and the lead it belongs to. */
	public record StoredIdentity(long id, long leadId, IdentityKey key) {
	}

	private static final String COLUMNS = "id, merged_into, " + String.join(", ", LeadRow.FIELDS)
			+ ", company_id, attributes, field_sources, lifecycle_stage, created_at";

	private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Map<String, String>>> SOURCES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	private final PersonalDataCipher cipher;

	Leads(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
		this.cipher = cipher;
	}

	/** The blind index an identity key is stored and found under. */
	public String index(IdentityKey key) {
		return cipher.blindIndex(key.kind().name(), key.value());
	}

	/**
	 * The blind index of a mobile's prefix (first 10 characters of E.164), for duplicate candidates; null for a
	 * landline (its lead's phone then does not tell two people apart, see {@code DuplicateSearch}).
	 */
	public String phonePrefixIndex(String e164) {
		return e164 == null || e164.length() < 10 || !Normalizer.isMobile(e164) ? null
				: cipher.blindIndex("PHONE_PREFIX", e164.substring(0, 10));
	}

	public List<StoredIdentity> identities(Collection<IdentityKey> keys) {
		Map<IdentityKey, String> indexes = new LinkedHashMap<>();
		keys.forEach(k -> indexes.put(k, index(k)));
		return List.copyOf(identitiesByIndex(indexes).values());
	}

	/** The stored identities of many keys at once (blind indexes given): key → identity. */
	Map<IdentityKey, StoredIdentity> identitiesByIndex(Map<IdentityKey, String> indexes) {
		if (indexes.isEmpty()) {
			return Map.of();
		}
		Map<String, IdentityKey> byIndex = new java.util.HashMap<>();
		String[] kinds = new String[indexes.size()];
		String[] values = new String[indexes.size()];
		int n = 0;
		for (Map.Entry<IdentityKey, String> e : indexes.entrySet()) {
			byIndex.put(e.getKey().kind().name() + ":" + e.getValue(), e.getKey());
			kinds[n] = e.getKey().kind().name();
			values[n++] = e.getValue();
		}
		Map<IdentityKey, StoredIdentity> found = new java.util.HashMap<>();
		jdbc.sql("""
				select i.id, i.lead_id, i.kind, i.value_index
				from lead_identity i join unnest(?::text[], ?::text[]) k(kind, value_index)
				  on i.kind = k.kind and i.value_index = k.value_index""")
			.params(kinds, values)
			.query((ResultSet rs) -> {
				IdentityKey key = byIndex.get(rs.getString(3) + ":" + rs.getString(4));
				found.put(key, new StoredIdentity(rs.getLong(1), rs.getLong(2), key));
			});
		return found;
	}

	/** An identity to add to a lead in a batch (its blind index computed once). */
	/** An identity key to add; {@code verified} false for a phone number not known to be allocated. */
	record NewIdentity(long leadId, IdentityKey key, String index, String source, boolean verified) {
	}

	/**
	 * Adds identities set-wise (one statement).
	 * @return the ids of those added, by key; missing keys are held by another lead (a concurrent arrival)
	 */
	Map<IdentityKey, Long> addIdentitiesAll(List<NewIdentity> identities) {
		if (identities.isEmpty()) {
			return Map.of();
		}
		int n = identities.size();
		long[] leadIds = new long[n];
		String[] kinds = new String[n], indexes = new String[n], encrypted = new String[n], prefixes = new String[n],
				sources = new String[n];
		boolean[] verified = new boolean[n];
		Map<String, IdentityKey> byIndex = new java.util.HashMap<>();
		List<NewIdentity> sorted = identities.stream().sorted((a, b) -> a.key().toString().compareTo(b.key().toString()))
			.toList(); // the order concurrent arrivals take keys in: no deadlock between them
		for (int i = 0; i < n; i++) {
			NewIdentity id = sorted.get(i);
			leadIds[i] = id.leadId();
			kinds[i] = id.key().kind().name();
			indexes[i] = id.index();
			encrypted[i] = cipher.encrypt(id.key().value());
			prefixes[i] = id.key().kind() == IdentityKind.PHONE ? phonePrefixIndex(id.key().value()) : null;
			sources[i] = id.source();
			verified[i] = id.verified();
			byIndex.put(kinds[i] + ":" + indexes[i], id.key());
		}
		Map<IdentityKey, Long> added = new java.util.HashMap<>();
		jdbc.sql("""
				insert into lead_identity (lead_id, kind, value_index, value_enc, prefix_index, source, verified)
				select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[])
				on conflict (kind, value_index) do nothing
				returning id, kind, value_index""")
			.params(leadIds, kinds, indexes, encrypted, prefixes, sources, verified)
			.query((ResultSet rs) -> {
				added.put(byIndex.get(rs.getString(2) + ":" + rs.getString(3)), rs.getLong(1));
			});
		return added;
	}

	/** Ids for new leads, taken from the table's sequence in one call. */
	long[] nextIds(int count) {
		return nextIds(jdbc, "lead", count);
	}

	/**
	 * {@code count} values of the identity sequence of {@code table} (a constant of the code), in one call (none: no
	 * call). The sequence is named in the statement, so it is resolved once, not once per value.
	 */
	static long[] nextIds(JdbcClient jdbc, String table, int count) {
		if (count == 0) {
			return new long[0];
		}
		return jdbc.sql("select nextval('" + table + "_id_seq') from generate_series(1, ?)")
			.param(count)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

	/** Inserts new leads whose ids came from {@link #nextIds}, in one statement. */
	void insertAll(List<LeadRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		int n = rows.size();
		List<Object> params = new ArrayList<>();
		params.add(rows.stream().mapToLong(r -> r.id).toArray());
		for (String f : LeadRow.FIELDS) {
			params.add(rows.stream().map(r -> r.fields.get(f)).toArray(String[]::new));
		}
		params.add(rows.stream().map(r -> r.companyId == null ? null : r.companyId.toString()).toArray(String[]::new));
		params.add(rows.stream().map(r -> json.writeValueAsString(r.attributes)).toArray(String[]::new));
		params.add(rows.stream().map(r -> json.writeValueAsString(sourcesJson(r.sources))).toArray(String[]::new));
		params.add(rows.stream().map(r -> r.createdAt.toString()).toArray(String[]::new));
		params.add(rows.stream().map(LeadRow::nameKey).toArray(String[]::new));
		int inserted = jdbc.sql("insert into lead (id, " + String.join(", ", LeadRow.FIELDS)
				+ ", company_id, attributes, field_sources, created_at, name_key) overriding system value "
				+ "select * from unnest(?::bigint[], " + "?::text[], ".repeat(LeadRow.FIELDS.size())
				+ "?::bigint[], ?::jsonb[], ?::jsonb[], ?::timestamptz[], ?::text[])")
			.params(params)
			.update();
		if (inserted != n) {
			throw new IllegalStateException("inserted " + inserted + " of " + n + " leads");
		}
	}

	/** Updates the profiles of several locked leads (a JDBC batch). */
	void updateAll(List<LeadRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		String sql = "update lead set " + LeadRow.FIELDS.stream().map(f -> f + " = ?").collect(Collectors.joining(", "))
				+ ", company_id = ?, attributes = ?::jsonb, field_sources = ?::jsonb, name_key = ?, updated_at = now() "
				+ "where id = ?";
		template.batchUpdate(sql, rows, 500, (ps, row) -> {
			int i = 1;
			for (String f : LeadRow.FIELDS) {
				ps.setString(i++, row.fields.get(f));
			}
			ps.setObject(i++, row.companyId, java.sql.Types.BIGINT);
			ps.setString(i++, json.writeValueAsString(row.attributes));
			ps.setString(i++, json.writeValueAsString(sourcesJson(row.sources)));
			ps.setString(i++, row.nameKey());
			ps.setLong(i, row.id);
		});
	}

	/**
	 * The ids several ids resolve to today ({@link #canonicalId} each): one query for the active ones, the chain
	 * walked only for merged ids. Unknown ids are left out.
	 */
	Map<Long, Long> canonicalIds(Collection<Long> ids) {
		Map<Long, Long> canonical = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return canonical;
		}
		List<Long> merged = new ArrayList<>();
		jdbc.sql("select id, merged_into from lead where id = any(?)")
			.param(ids.stream().mapToLong(Long::longValue).distinct().toArray())
			.query((ResultSet rs) -> {
				if (rs.getObject(2) == null) {
					canonical.put(rs.getLong(1), rs.getLong(1));
				}
				else {
					merged.add(rs.getLong(1));
				}
			});
		for (long id : merged) {
			long survivor = canonicalId(id);
			if (survivor != 0) {
				canonical.put(id, survivor);
			}
		}
		return canonical;
	}

	/**
	 * Re-encrypts identity values under the cipher's active key (key rotation), one batch per call; several app
	 * instances may run it at once.
	 * @return how many values were re-encrypted (0 when done)
	 */
	public int reencryptIdentities(int batchSize) {
		List<Map.Entry<Long, String>> batch = jdbc.sql("""
				select id, value_enc from lead_identity where value_enc not like ? || ':%'
				order by id limit ? for update skip locked""")
			.params(cipher.activeKey(), batchSize)
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list();
		for (Map.Entry<Long, String> row : batch) {
			jdbc.sql("update lead_identity set value_enc = ? where id = ?")
				.params(cipher.encrypt(cipher.decrypt(row.getValue())), row.getKey())
				.update();
		}
		return batch.size();
	}

	/** A lead's identity keys, decrypted. */
	public List<StoredIdentity> identitiesOf(long leadId) {
		return jdbc.sql("select id, lead_id, kind, value_enc from lead_identity where lead_id = ? order by id")
			.param(leadId)
			.query((rs, i) -> new StoredIdentity(rs.getLong(1), rs.getLong(2),
					new IdentityKey(IdentityKind.valueOf(rs.getString(3)), cipher.decrypt(rs.getString(4)))))
			.list();
	}

	/**
	 * Adds identity keys to a lead, in a fixed order (so concurrent arrivals cannot deadlock).
	 * @return the ids of those added; fewer than given means another lead holds (or is taking) one of them
	 */
	public List<Long> addIdentities(long leadId, Collection<IdentityKey> keys, String source,
			Set<IdentityKey> unverified) {
		return List.copyOf(addIdentitiesAll(keys.stream()
			.map(k -> new NewIdentity(leadId, k, index(k), source, !unverified.contains(k)))
			.toList()).values());
	}

	public long insert(LeadRow row) {
		List<Object> params = new ArrayList<>();
		LeadRow.FIELDS.forEach(f -> params.add(row.fields.get(f)));
		params.add(row.companyId);
		params.add(json.writeValueAsString(row.attributes));
		params.add(json.writeValueAsString(sourcesJson(row.sources)));
		params.add(Timestamp.from(row.createdAt));
		params.add(row.nameKey());
		return jdbc.sql("insert into lead (" + String.join(", ", LeadRow.FIELDS)
				+ ", company_id, attributes, field_sources, created_at, name_key) values ("
				+ "?, ".repeat(LeadRow.FIELDS.size()) + "?, ?::jsonb, ?::jsonb, ?, ?) returning id")
			.params(params)
			.query(Long.class)
			.single();
	}

	public void update(LeadRow row) {
		updateAll(List.of(row));
	}

	/** Locks the rows of the given leads (in id order) and returns them. */
	public List<LeadRow> lock(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from lead where id = any(?) order by id for update")
			.param(ids.stream().mapToLong(Long::longValue).toArray())
			.query((rs, i) -> row(rs))
			.list();
	}

	public Optional<LeadRow> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from lead where id = ?").param(id).query((rs, i) -> row(rs)).optional();
	}

	public List<LeadRow> findAll(Collection<Long> ids) {
		return jdbc.sql("select " + COLUMNS + " from lead where id = any(?) order by id")
			.param(ids.stream().mapToLong(Long::longValue).toArray())
			.query((rs, i) -> row(rs))
			.list();
	}

	/** The id an id resolves to today: itself, or the survivor at the end of its chain of merges (0 if unknown). */
	public long canonicalId(long id) {
		return jdbc.sql("""
				with recursive chain(id, merged_into, depth) as (
				    select id, merged_into, 0 from lead where id = ?
				    union all
				    select l.id, l.merged_into, c.depth + 1 from lead l join chain c on l.id = c.merged_into where c.depth < 100
				)
				select id from chain where merged_into is null""").param(id).query(Long.class).optional().orElse(0L);
	}

	public void recordStage(long leadId, String stage) {
		jdbc.sql("update lead set lifecycle_stage = ?, updated_at = now() where id = ?").params(stage, leadId).update();
	}

	void recordStages(Collection<Long> leadIds, String stage) {
		jdbc.sql("update lead set lifecycle_stage = ?, updated_at = now() where id = any(?) and merged_into is null")
			.params(stage, leadIds.stream().mapToLong(Long::longValue).toArray())
			.update();
	}

	public void markMerged(long absorbedId, Long survivorId) {
		jdbc.sql("update lead set merged_into = ?, updated_at = now() where id = ?").params(survivorId, absorbedId).update();
	}

	public List<Long> activeIdsAfter(long afterId, int limit) {
		return jdbc.sql("select id from lead where id > ? and merged_into is null order by id limit ?")
			.params(afterId, limit)
			.query(Long.class)
			.list();
	}

	/** The row as JSON (for merge records). */
	public String rowJson(LeadRow row) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("fields", row.fields);
		map.put("companyId", row.companyId);
		map.put("attributes", row.attributes);
		map.put("sources", sourcesJson(row.sources));
		return json.writeValueAsString(map);
	}

	/** Restores a row's profile from {@link #rowJson} output (the id stays). */
	@SuppressWarnings("unchecked")
	public LeadRow fromRowJson(LeadRow current, String rowJson) {
		Map<String, Object> map = json.readValue(rowJson, new TypeReference<Map<String, Object>>() {
		});
		Object company = map.get("companyId");
		return new LeadRow(current.id, current.mergedInto, (Map<String, String>) map.get("fields"),
				company == null ? null : ((Number) company).longValue(), (Map<String, Object>) map.get("attributes"),
				sourcesFromJson((Map<String, Map<String, String>>) map.get("sources")), current.lifecycleStage,
				current.createdAt);
	}

	private LeadRow row(ResultSet rs) throws SQLException {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String f : LeadRow.FIELDS) {
			String v = rs.getString(f);
			if (v != null) {
				fields.put(f, v);
			}
		}
		String attributes = rs.getString("attributes");
		String sources = rs.getString("field_sources");
		return new LeadRow(rs.getLong("id"), (Long) rs.getObject("merged_into"), fields,
				(Long) rs.getObject("company_id"),
				"{}".equals(attributes) ? new LinkedHashMap<>() : json.readValue(attributes, ATTRIBUTES),
				sourcesFromJson("{}".equals(sources) ? null : json.readValue(sources, SOURCES)),
				rs.getString("lifecycle_stage"), rs.getTimestamp("created_at").toInstant());
	}

	private static Map<String, Map<String, String>> sourcesJson(Map<String, Provenance> sources) {
		Map<String, Map<String, String>> out = new LinkedHashMap<>();
		sources.forEach((field, p) -> {
			Map<String, String> entry = new LinkedHashMap<>();
			entry.put("s", p.source());
			entry.put("t", p.at() == null ? null : p.at().toString());
			out.put(field, entry);
		});
		return out;
	}

	private static Map<String, Provenance> sourcesFromJson(Map<String, Map<String, String>> raw) {
		Map<String, Provenance> out = new LinkedHashMap<>();
		if (raw != null) {
			raw.forEach((field, p) -> out.put(field,
					new Provenance(p.get("s"), p.get("t") == null ? null : Instant.parse(p.get("t")))));
		}
		return out;
	}
}
