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
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.leadflow.core.identity.IdentityKey;
import com.leadflow.core.identity.IdentityKind;
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
			+ ", company_id, attributes, field_sources, lifecycle_stage, created_at, last_touch_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final PersonalDataCipher cipher;

	Leads(JdbcClient jdbc, JsonMapper json, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.json = json;
		this.cipher = cipher;
	}

	/** The blind index an identity key is stored and found under. */
	public String index(IdentityKey key) {
		return cipher.blindIndex(key.kind().name(), key.value());
	}

	/** The blind index of a phone's prefix (first 10 characters of E.164), for duplicate candidates. */
	public String phonePrefixIndex(String e164) {
		return e164 == null || e164.length() < 10 ? null : cipher.blindIndex("PHONE_PREFIX", e164.substring(0, 10));
	}

	public List<StoredIdentity> identities(Collection<IdentityKey> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		Map<String, IdentityKey> byIndex = new LinkedHashMap<>();
		StringBuilder sql = new StringBuilder("select id, lead_id, kind, value_index from lead_identity where (kind, value_index) in (");
		List<Object> params = new ArrayList<>();
		for (IdentityKey key : keys) {
			String index = index(key);
			byIndex.put(key.kind().name() + ":" + index, key);
			sql.append(params.isEmpty() ? "(?, ?)" : ", (?, ?)");
			params.add(key.kind().name());
			params.add(index);
		}
		return jdbc.sql(sql.append(")").toString())
			.params(params)
			.query((rs, i) -> new StoredIdentity(rs.getLong(1), rs.getLong(2),
					byIndex.get(rs.getString(3) + ":" + rs.getString(4))))
			.list();
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
	public List<Long> addIdentities(long leadId, Collection<IdentityKey> keys, String source) {
		List<Long> added = new ArrayList<>();
		for (IdentityKey key : keys.stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList()) {
			jdbc.sql("""
					insert into lead_identity (lead_id, kind, value_index, value_enc, prefix_index, source)
					values (?, ?, ?, ?, ?, ?)
					on conflict (kind, value_index) do nothing
					returning id""")
				.params(leadId, key.kind().name(), index(key), cipher.encrypt(key.value()),
						key.kind() == IdentityKind.PHONE ? phonePrefixIndex(key.value()) : null, source)
				.query(Long.class)
				.optional()
				.ifPresent(added::add);
		}
		return added;
	}

	public long insert(LeadRow row) {
		List<Object> params = new ArrayList<>();
		LeadRow.FIELDS.forEach(f -> params.add(row.fields.get(f)));
		params.add(row.companyId);
		params.add(json.writeValueAsString(row.attributes));
		params.add(json.writeValueAsString(sourcesJson(row.sources)));
		params.add(Timestamp.from(row.createdAt));
		return jdbc.sql("insert into lead (" + String.join(", ", LeadRow.FIELDS)
				+ ", company_id, attributes, field_sources, created_at) values (" + "?, ".repeat(LeadRow.FIELDS.size())
				+ "?, ?::jsonb, ?::jsonb, ?) returning id")
			.params(params)
			.query(Long.class)
			.single();
	}

	public void update(LeadRow row) {
		List<Object> params = new ArrayList<>();
		LeadRow.FIELDS.forEach(f -> params.add(row.fields.get(f)));
		params.add(row.companyId);
		params.add(json.writeValueAsString(row.attributes));
		params.add(json.writeValueAsString(sourcesJson(row.sources)));
		params.add(row.id);
		jdbc.sql("update lead set " + LeadRow.FIELDS.stream().map(f -> f + " = ?").collect(Collectors.joining(", "))
				+ ", company_id = ?, attributes = ?::jsonb, field_sources = ?::jsonb, updated_at = now() where id = ?")
			.params(params)
			.update();
	}

	/** Locks the rows of the given leads (in id order) and returns them. */
	public List<LeadRow> lock(Collection<Long> ids) {
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

	public void touched(long leadId, Instant occurredAt) {
		jdbc.sql("update lead set last_touch_at = greatest(last_touch_at, ?) where id = ?")
			.params(Timestamp.from(occurredAt), leadId)
			.update();
	}

	public void recordStage(long leadId, String stage) {
		jdbc.sql("update lead set lifecycle_stage = ?, updated_at = now() where id = ?").params(stage, leadId).update();
	}

	public void markMerged(long absorbedId, Long survivorId) {
		jdbc.sql("update lead set merged_into = ?, updated_at = now() where id = ?").params(survivorId, absorbedId).update();
	}

	public void setLastTouch(long leadId, Instant lastTouchAt) {
		jdbc.sql("update lead set last_touch_at = ? where id = ?")
			.params(lastTouchAt == null ? null : Timestamp.from(lastTouchAt), leadId)
			.update();
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
		map.put("lastTouchAt", row.lastTouchAt == null ? null : row.lastTouchAt.toString());
		return json.writeValueAsString(map);
	}

	/** Restores a row's profile from {@link #rowJson} output (the id stays). */
	@SuppressWarnings("unchecked")
	public LeadRow fromRowJson(LeadRow current, String rowJson) {
		Map<String, Object> map = json.readValue(rowJson, new TypeReference<Map<String, Object>>() {
		});
		Object company = map.get("companyId");
		Object lastTouch = map.get("lastTouchAt");
		return new LeadRow(current.id, current.mergedInto, (Map<String, String>) map.get("fields"),
				company == null ? null : ((Number) company).longValue(), (Map<String, Object>) map.get("attributes"),
				sourcesFromJson((Map<String, Map<String, String>>) map.get("sources")), current.lifecycleStage,
				current.createdAt, lastTouch == null ? null : Instant.parse(lastTouch.toString()));
	}

	private LeadRow row(ResultSet rs) throws SQLException {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String f : LeadRow.FIELDS) {
			String v = rs.getString(f);
			if (v != null) {
				fields.put(f, v);
			}
		}
		Timestamp lastTouch = rs.getTimestamp("last_touch_at");
		return new LeadRow(rs.getLong("id"), (Long) rs.getObject("merged_into"), fields,
				(Long) rs.getObject("company_id"),
				json.readValue(rs.getString("attributes"), new TypeReference<Map<String, Object>>() {
				}), sourcesFromJson(json.readValue(rs.getString("field_sources"),
						new TypeReference<Map<String, Map<String, String>>>() {
						})),
				rs.getString("lifecycle_stage"), rs.getTimestamp("created_at").toInstant(),
				lastTouch == null ? null : lastTouch.toInstant());
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
