package com.leadflow.core.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.LeadMergeUndone;
import com.leadflow.core.LeadMerged;
import com.leadflow.core.company.Companies;

import tools.jackson.databind.json.JsonMapper;

/**
 * Merges two leads with survivorship, recording every field decision, and reverts a merge from its record: both leads
 * come back with their own identities, touches, tags and field values; what arrived after the merge stays with the
 * survivor, and survivor fields changed after the merge are kept.
 */
@Service
public class Merges {

	/** One field's decision in a merge. */
	public record Decision(String field, Object survivorValue, Object absorbedValue, String chosen, String rule) {
	}

	/** A stored merge. */
	public record MergeRecord(long id, long survivorId, long absorbedId, String actor, String reason, Instant mergedAt,
			List<Map<String, Object>> decisions, Instant undoneAt, String undoneBy) {
	}

	private final Leads leads;

	private final Companies companies;

	private final Survivorship survivorship;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	Merges(Leads leads, Companies companies, Survivorship survivorship, JdbcClient jdbc, JsonMapper json,
			ApplicationEventPublisher events) {
		this.leads = leads;
		this.companies = companies;
		this.survivorship = survivorship;
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
	}

	/** Merges {@code absorbedId} into {@code survivorId} (an explicit merge by a person or a review decision). */
	@Transactional
	public long merge(long survivorId, long absorbedId, String actor, String reason) {
		long s = leads.canonicalId(survivorId);
		long a = leads.canonicalId(absorbedId);
		if (s == 0 || a == 0) {
			throw new LeadNotFoundException("lead", s == 0 ? survivorId : absorbedId);
		}
		if (s == a) {
			throw new PoolConflictException("already-merged", "Leads " + survivorId + " and " + absorbedId
					+ " are already one lead (" + s + ").");
		}
		List<LeadRow> rows = leads.lock(List.of(s, a));
		LeadRow survivor = rows.stream().filter(r -> r.id == s).findFirst().orElseThrow();
		LeadRow absorbed = rows.stream().filter(r -> r.id == a).findFirst().orElseThrow();
		if (!survivor.active() || !absorbed.active()) {
			throw new PoolConflictException("concurrent-merge", "One of the leads was merged meanwhile; try again.");
		}
		return mergeLocked(survivor, absorbed, actor, reason);
	}

	/** Merges two locked, active leads; the caller's transaction publishes the event on commit. */
	long mergeLocked(LeadRow survivor, LeadRow absorbed, String actor, String reason) {
		String before = leads.rowJson(survivor);
		List<Decision> decisions = new ArrayList<>();
		for (String field : LeadRow.FIELDS) {
			String mine = survivor.field(field);
			String theirs = absorbed.field(field);
			if (theirs == null || theirs.equals(mine)) {
				continue;
			}
			boolean take = mine == null
					|| survivorship.challengerWins(field, survivor.sources.get(field), absorbed.sources.get(field));
			decisions.add(new Decision(field, mine, theirs, take ? "absorbed" : "survivor",
					mine == null ? "non-empty" : survivorship.ruleFor(field).name()));
			if (take) {
				survivor.fields.put(field, theirs);
				survivor.sources.put(field, absorbed.sources.get(field));
			}
		}
		if (absorbed.companyId != null && !absorbed.companyId.equals(survivor.companyId)) {
			Long chosen = survivor.companyId == null ? absorbed.companyId
					: switch (survivorship.ruleFor("company")) {
						case MOST_COMPLETE -> companies.moreComplete(survivor.companyId, absorbed.companyId);
						default -> survivorship.challengerWins("company", survivor.sources.get("company"),
								absorbed.sources.get("company")) ? absorbed.companyId : survivor.companyId;
					};
			decisions.add(new Decision("company", survivor.companyId, absorbed.companyId,
					chosen.equals(absorbed.companyId) ? "absorbed" : "survivor",
					survivor.companyId == null ? "non-empty" : survivorship.ruleFor("company").name()));
			survivor.companyId = chosen;
		}
		absorbed.attributes.forEach((key, value) -> {
			if (!survivor.attributes.containsKey(key)) {
				survivor.attributes.put(key, value);
				decisions.add(new Decision("attributes." + key, null, value, "absorbed", "non-empty"));
			}
		});
		leads.update(survivor);

		long mergeId = jdbc.sql("""
				insert into lead_merge (survivor_id, absorbed_id, actor, reason, survivor_before, survivor_after, decisions)
				values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb) returning id""")
			.params(survivor.id, absorbed.id, actor, reason, before, leads.rowJson(survivor),
					json.writeValueAsString(decisions))
			.query(Long.class)
			.single();
		jdbc.sql("""
				with moved as (update lead_identity set lead_id = :s where lead_id = :a returning id)
				update lead_merge set moved_identity_ids = (select coalesce(array_agg(id), '{}') from moved) where id = :m""")
			.param("s", survivor.id).param("a", absorbed.id).param("m", mergeId).update();
		jdbc.sql("""
				with moved as (update touch set lead_id = :s where lead_id = :a returning id)
				insert into lead_merge_touch (merge_id, touch_id) select :m, id from moved""")
			.param("s", survivor.id).param("a", absorbed.id).param("m", mergeId).update();
		jdbc.sql("""
				with theirs as (delete from lead_tag where lead_id = :a returning tag, origin, created_at),
				     added as (insert into lead_tag (lead_id, tag, origin, created_at)
				               select :s, tag, origin, created_at from theirs on conflict do nothing returning tag)
				update lead_merge set
				    added_tags = (select coalesce(array_agg(tag), '{}') from added),
				    absorbed_tags = (select coalesce(jsonb_agg(jsonb_build_object('tag', tag, 'origin', origin,
				                     'createdAt', created_at)), '[]') from theirs)
				where id = :m""")
			.param("s", survivor.id).param("a", absorbed.id).param("m", mergeId).update();
		leads.markMerged(absorbed.id, survivor.id);
		jdbc.sql("""
				update duplicate_candidate set status = 'MERGED', decided_at = now(), decided_by = ?, merge_id = ?
				where lead_a = least(?, ?)::bigint and lead_b = greatest(?, ?)::bigint and status = 'OPEN'""")
			.params(actor, mergeId, survivor.id, absorbed.id, survivor.id, absorbed.id)
			.update();
		events.publishEvent(new LeadMerged(survivor.id, absorbed.id, mergeId));
		return mergeId;
	}

	/** Reverts a merge; refused (409) when a later merge absorbed the survivor, or when it was undone already. */
	@Transactional
	public MergeRecord undo(long mergeId, String actor) {
		Map<String, Object> merge = jdbc.sql("""
				select survivor_id, absorbed_id, survivor_before::text before, survivor_after::text after, undone_at,
				       absorbed_tags::text absorbed_tags, added_tags
				from lead_merge where id = ? for update""")
			.param(mergeId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new LeadNotFoundException("merge", mergeId));
		if (merge.get("undone_at") != null) {
			throw new PoolConflictException("merge-already-undone", "Merge " + mergeId + " was already undone.");
		}
		long s = ((Number) merge.get("survivor_id")).longValue();
		long a = ((Number) merge.get("absorbed_id")).longValue();
		List<LeadRow> rows = leads.lock(List.of(s, a));
		LeadRow survivor = rows.stream().filter(r -> r.id == s).findFirst().orElseThrow();
		LeadRow absorbed = rows.stream().filter(r -> r.id == a).findFirst().orElseThrow();
		if (!survivor.active()) {
			throw new PoolConflictException("merge-has-later-merge", "Lead " + s + " was merged into lead "
					+ survivor.mergedInto + " after merge " + mergeId + ": undo that merge first.");
		}
		if (!Objects.equals(absorbed.mergedInto, s)) {
			throw new PoolConflictException("merge-state-changed", "Lead " + a + " is no longer merged into " + s + ".");
		}
		jdbc.sql("""
				update lead_identity set lead_id = :a
				where id = any(select unnest(moved_identity_ids) from lead_merge where id = :m) and lead_id = :s""")
			.param("a", a).param("s", s).param("m", mergeId).update();
		jdbc.sql("""
				update touch set lead_id = :a
				where id in (select touch_id from lead_merge_touch where merge_id = :m) and lead_id = :s""")
			.param("a", a).param("s", s).param("m", mergeId).update();
		jdbc.sql("""
				delete from lead_tag where lead_id = :s and tag = any(select unnest(added_tags) from lead_merge where id = :m)""")
			.param("s", s).param("m", mergeId).update();
		jdbc.sql("""
				insert into lead_tag (lead_id, tag, origin, created_at)
				select :a, t->>'tag', t->>'origin', (t->>'createdAt')::timestamptz
				from lead_merge, jsonb_array_elements(absorbed_tags) t where id = :m""")
			.param("a", a).param("m", mergeId).update();

		LeadRow before = leads.fromRowJson(survivor, (String) merge.get("before"));
		LeadRow after = leads.fromRowJson(survivor, (String) merge.get("after"));
		for (String field : LeadRow.FIELDS) {
			if (Objects.equals(survivor.field(field), after.field(field))) {
				restore(survivor.fields, field, before.fields.get(field));
				restore(survivor.sources, field, before.sources.get(field));
			}
		}
		if (Objects.equals(survivor.companyId, after.companyId)) {
			survivor.companyId = before.companyId;
		}
		for (String key : new ArrayList<>(after.attributes.keySet())) {
			if (!before.attributes.containsKey(key) && Objects.equals(survivor.attributes.get(key), after.attributes.get(key))) {
				survivor.attributes.remove(key);
			}
		}
		leads.update(survivor);
		leads.markMerged(a, null);
		jdbc.sql("update lead_merge set undone_at = now(), undone_by = ? where id = ?").params(actor, mergeId).update();
		jdbc.sql("""
				update duplicate_candidate set status = 'DISMISSED', decided_at = now(), decided_by = ?
				where merge_id = ?""").params(actor, mergeId).update();
		events.publishEvent(new LeadMergeUndone(mergeId, s, a));
		return find(mergeId);
	}

	public MergeRecord find(long mergeId) {
		return jdbc.sql("""
				select id, survivor_id, absorbed_id, actor, reason, merged_at, decisions::text, undone_at, undone_by
				from lead_merge where id = ?""")
			.param(mergeId)
			.query((rs, i) -> record(rs))
			.optional()
			.orElseThrow(() -> new LeadNotFoundException("merge", mergeId));
	}

	/** Merges in which a lead took part, newest first. */
	public List<MergeRecord> ofLead(long leadId) {
		return jdbc.sql("""
				select id, survivor_id, absorbed_id, actor, reason, merged_at, decisions::text, undone_at, undone_by
				from lead_merge where survivor_id = ? or absorbed_id = ? order by id desc""")
			.params(leadId, leadId)
			.query((rs, i) -> record(rs))
			.list();
	}

	@SuppressWarnings("unchecked")
	private MergeRecord record(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.sql.Timestamp undone = rs.getTimestamp("undone_at");
		return new MergeRecord(rs.getLong("id"), rs.getLong("survivor_id"), rs.getLong("absorbed_id"),
				rs.getString("actor"), rs.getString("reason"), rs.getTimestamp("merged_at").toInstant(),
				json.readValue(rs.getString("decisions"), List.class), undone == null ? null : undone.toInstant(),
				rs.getString("undone_by"));
	}

	private static <V> void restore(Map<String, V> map, String key, V value) {
		if (value == null) {
			map.remove(key);
		}
		else {
			map.put(key, value);
		}
	}

}
