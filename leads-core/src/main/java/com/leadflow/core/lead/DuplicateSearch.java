package com.leadflow.core.lead;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.leadflow.core.Resolution;

/**
 * Fuzzy duplicates of leads an arrival created or gave new keys: the same person whose arrivals shared no exact key
 * (once by phone, once by e-mail). Names and companies are compared by their matching keys (spaces, width, Traditional
 * characters, company regions and legal forms do not count). Rules, in the order a pair meets them:
 * <ol>
 * <li>same company and the same name, where the two leads hold no identity key of the same kind (not two different
 * mobiles or e-mails): the same person, merged at once (the older lead survives, the merge is recorded and undoable);
 * only when the lead has exactly one such partner;</li>
 * <li>otherwise the same company and the same or a similar name (pg_trgm; names with digits, such as 客户 12 or
 * 新客户 3051, are numbered placeholders, not names: they are compared only for equality), the same name and the same
 * mobile prefix, the same name at a similar company, or a rare name of which one lead has no company: a candidate in
 * the review queue.</li>
 * </ol>
 */
@Component
class DuplicateSearch {

	static final String ACTOR = "system:identity-resolution";

	/** The match kind of a lead merged by this search ({@link Resolution#matchedKeys}). */
	static final String NAME_AND_COMPANY = "NAME_AND_COMPANY";

	/** Company-name similarity from which "the same name at a similar company" is a candidate. */
	private static final double SIMILAR_COMPANY = 0.5;

	/**
	 * At most this many other leads of the name: "the same name, the company missing on one of them" is a candidate
	 * (a common name like 王伟 without a company tells nothing).
	 */
	private static final int RARE_NAME = 3;

	/**
	 * Identity kinds of which a person has one: two leads that both hold one (not the same) are two people. A phone
	 * counts when it is a mobile; landlines ({@code LANDLINE}) do not.
	 */
	private static final Set<String> PERSONAL_KINDS = Set.of("PHONE", "EMAIL", "WECHAT_UNIONID", "CRM_CONTACT");

	private final JdbcClient jdbc;

	private final LeadPoolProperties properties;

	private final Leads leads;

	private final Merges merges;

	DuplicateSearch(JdbcClient jdbc, LeadPoolProperties properties, Leads leads, Merges merges) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.leads = leads;
		this.merges = merges;
	}

	/** A lead to look for duplicates of: its stored row and the first phone of the arrival (mobile prefix rule). */
	record Searched(LeadRow row, String phone) {
	}

	private record Pair(long lead, long other, double similarity, String reason, boolean sameName) {
	}

	/**
	 * Looks for duplicates of these leads, in the caller's transaction: merges the sure ones, queues the others.
	 * @return absorbed lead id → surviving lead id, for the merges made
	 */
	Map<Long, Long> search(List<Searched> searched) {
		List<Searched> named = searched.stream().filter(s -> s.row().nameKey() != null).toList();
		if (named.isEmpty()) {
			return Map.of();
		}
		List<Pair> pairs = pairs(named);
		if (pairs.isEmpty()) {
			return Map.of();
		}
		Map<Long, Set<String>> kinds = identityKinds(pairs);
		Map<Long, List<Pair>> sure = new LinkedHashMap<>();
		for (Pair p : pairs) {
			if (p.sameName() && p.reason().startsWith("same company")) {
				sure.computeIfAbsent(p.lead(), k -> new ArrayList<>()).add(p);
			}
		}
		Map<Long, Long> merged = new LinkedHashMap<>();
		Set<Pair> queued = new HashSet<>(pairs);
		for (List<Pair> partners : sure.values()) {
			Pair p = partners.get(0);
			if (partners.size() != 1 || contradicts(kinds.get(p.lead()), kinds.get(p.other()))
					|| merged.containsKey(p.lead()) || merged.containsKey(p.other())) {
				continue;
			}
			long survivor = leads.canonicalId(Math.min(p.lead(), p.other()));
			long absorbed = leads.canonicalId(Math.max(p.lead(), p.other()));
			if (survivor == absorbed || survivor == 0 || absorbed == 0) {
				continue;
			}
			merges.merge(survivor, absorbed, ACTOR, p.reason() + ", no conflicting phone or e-mail");
			merged.put(absorbed, survivor);
			queued.remove(p);
		}
		queue(queued.stream().filter(p -> !merged.containsKey(p.lead()) && !merged.containsKey(p.other())).toList());
		return merged;
	}

	/**
	 * The resolution of an arrival whose lead the search merged into an older one: matched to the survivor, by name
	 * and company besides the keys it matched by.
	 */
	static Resolution absorbed(long leadId, Map<Long, Long> merged, Collection<String> matchedKinds, long touchId) {
		long survivor = merged.get(leadId);
		List<String> kinds = new ArrayList<>(matchedKinds);
		kinds.add(NAME_AND_COMPANY);
		return new Resolution(survivor, Resolution.Outcome.MATCHED, kinds, touchId, List.of(leadId),
				List.of(new Resolution.Warning("name", "the same name at the same company as lead " + survivor
						+ " (no conflicting phone or e-mail): merged into it")));
	}

	private static boolean contradicts(Set<String> a, Set<String> b) {
		if (a == null || b == null) {
			return false;
		}
		return a.stream().anyMatch(kind -> PERSONAL_KINDS.contains(kind) && b.contains(kind));
	}

	/**
	 * The pairs of one statement for the whole batch. Name first: a name key is selective, a company can have
	 * thousands of leads; nested loops on the indexes, planned each time (see {@link #planNestedLoopsOnIndexes}).
	 */
	private List<Pair> pairs(List<Searched> named) {
		planNestedLoopsOnIndexes(true);
		List<Pair> pairs = jdbc.sql("""
				with n(id, name_key, company, prefix) as materialized (
				    select * from unnest(:ids::bigint[], :names::text[], :companies::bigint[], :prefixes::text[])
				),
				same_name as materialized (
				    select n.id new_id, n.company, n.prefix, o.id, o.company_id, count(*) over (partition by n.id) namesakes
				    from n join lead o on o.name_key = n.name_key
				    where o.merged_into is null and o.id <> n.id
				)
				select distinct on (least(new_id, id), greatest(new_id, id)) new_id, id, sim, reason, same_name
				from (
				    select new_id, id, 1.0 sim, 'same company, same name' reason, true same_name, 1 rank
				    from same_name where company_id = company
				    union all
				    select n.id, o.id, similarity(o.name_key, n.name_key), 'same company, similar name', false, 2
				    from n join lead o on o.company_id = n.company
				    where n.name_key !~ '[0-9]' and o.merged_into is null and o.id <> n.id and o.name_key <> n.name_key
				      and o.name_key !~ '[0-9]' and similarity(o.name_key, n.name_key) >= :threshold
				    union all
				    select s.new_id, s.id, 1.0, 'same name, same mobile prefix', true, 3
				    from same_name s
				    where s.prefix is not null
				      and exists (select 1 from lead_identity i
				                  where i.lead_id = s.id and i.kind = 'PHONE' and i.prefix_index = s.prefix)
				    union all
				    select s.new_id, s.id, similarity(oc.match_name, nc.match_name), 'same name, similar company', true, 4
				    from same_name s join company nc on nc.id = s.company join company oc on oc.id = s.company_id
				    where s.company_id <> s.company and similarity(oc.match_name, nc.match_name) >= :company
				    union all
				    select s.new_id, s.id, 1.0, 'same name, company missing on one', true, 5
				    from same_name s
				    where (s.company is null) <> (s.company_id is null) and s.namesakes <= :namesakes
				) found
				order by least(new_id, id), greatest(new_id, id), rank""")
			.param("ids", named.stream().mapToLong(s -> s.row().id).toArray())
			.param("names", named.stream().map(s -> s.row().nameKey()).toArray(String[]::new))
			.param("companies", named.stream().map(s -> s.row().companyId == null ? null : s.row().companyId.toString())
				.toArray(String[]::new))
			.param("prefixes", named.stream().map(s -> leads.phonePrefixIndex(s.phone())).toArray(String[]::new))
			.param("threshold", properties.duplicateSimilarity())
			.param("company", SIMILAR_COMPANY)
			.param("namesakes", RARE_NAME)
			.query((rs, i) -> new Pair(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getString(4), rs.getBoolean(5)))
			.list();
		planNestedLoopsOnIndexes(false);
		return pairs;
	}

	/** Which identity kinds each lead of the pairs holds. */
	private Map<Long, Set<String>> identityKinds(List<Pair> pairs) {
		Set<Long> ids = new HashSet<>();
		pairs.forEach(p -> {
			ids.add(p.lead());
			ids.add(p.other());
		});
		Map<Long, Set<String>> kinds = new HashMap<>();
		// a phone without a mobile prefix index is a landline: not personal (a switchboard is shared)
		jdbc.sql("select distinct lead_id, case when kind = 'PHONE' and prefix_index is null then 'LANDLINE' else kind end "
				+ "from lead_identity where lead_id = any(?)")
			.param(ids.stream().mapToLong(Long::longValue).toArray())
			.query((java.sql.ResultSet rs) -> {
				kinds.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
			});
		return kinds;
	}

	/** Queues each of {@code others} with {@code lead} as a candidate pair, for a reason found elsewhere. */
	void queue(List<Long> others, long lead, String reason) {
		queue(others.stream().map(o -> new Pair(lead, o, 1.0, reason, false)).toList());
	}

	private void queue(List<Pair> pairs) {
		if (pairs.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into duplicate_candidate (lead_a, lead_b, similarity, reason)
				select least(a, b), greatest(a, b), sim, reason from unnest(?::bigint[], ?::bigint[], ?::numeric[], ?::text[])
				    t(a, b, sim, reason)
				on conflict (lead_a, lead_b) do nothing""")
			.params(pairs.stream().mapToLong(Pair::lead).toArray(), pairs.stream().mapToLong(Pair::other).toArray(),
					pairs.stream().map(p -> Math.min(1.0, Math.round(p.similarity() * 1000) / 1000.0))
						.toArray(Double[]::new),
					pairs.stream().map(Pair::reason).toArray(String[]::new))
			.update();
	}

	/**
	 * Sets (or gives back) the planner settings of the search, for the rest of the transaction: with a fresh pool's
	 * stale statistics and with a large pool's the planner joined by reading the whole table or index, per batch
	 * (0.9 s per 1,000 new leads at 1,000,000 leads). Nested loops on indexes only, planned each time (a generic plan
	 * cached while the pool was small would keep its choice as the pool grows).
	 */
	private void planNestedLoopsOnIndexes(boolean only) {
		String value = only ? "off" : "on";
		jdbc.sql("select set_config('enable_seqscan', ?, true), set_config('enable_hashjoin', ?, true), "
				+ "set_config('enable_mergejoin', ?, true), set_config('plan_cache_mode', ?, true)")
			.params(value, value, value, only ? "force_custom_plan" : "auto")
			.query()
			.listOfRows();
	}
}
