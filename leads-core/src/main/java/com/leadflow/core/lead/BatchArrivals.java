package com.leadflow.core.lead;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.leadflow.core.Arrival;
import com.leadflow.core.LeadTouched;
import com.leadflow.core.LeadsTouched;
import com.leadflow.core.Resolution;
import com.leadflow.core.TouchAction;
import com.leadflow.core.company.Companies;
import com.leadflow.core.identity.IdentityKey;
import com.leadflow.core.lead.Survivorship.Provenance;

/**
 * Resolves a batch of arrivals set-wise, inside the caller's transaction. Arrivals are grouped by shared identity
 * keys and by the leads their keys match (union–find); an arrival alone in its group that matches no lead creates one,
 * one that matches one lead updates it: these are read, inserted and updated with one statement per table for the
 * whole batch. The rest (a group of several arrivals: the same person twice in the batch; keys of two or more leads:
 * a merge; an idempotency key repeated in the batch) goes one by one through the pool's per-arrival path, in the
 * batch's order, after the set-wise part. A concurrent writer that takes a key first makes the whole batch fail with
 * {@link LeadPoolService.LostRace}: the caller rolls back and tries again.
 */
@Component
class BatchArrivals {

	private final Leads leads;

	private final Touches touches;

	private final Companies companies;

	private final Survivorship survivorship;

	private final ArrivalChanges arrivalChanges;

	private final PoolSideEffects sideEffects;

	private final DuplicateSearch duplicates;

	private final ApplicationEventPublisher events;

	BatchArrivals(Leads leads, Touches touches, Companies companies, Survivorship survivorship,
			ArrivalChanges arrivalChanges, PoolSideEffects sideEffects, DuplicateSearch duplicates,
			ApplicationEventPublisher events) {
		this.duplicates = duplicates;
		this.leads = leads;
		this.touches = touches;
		this.companies = companies;
		this.survivorship = survivorship;
		this.arrivalChanges = arrivalChanges;
		this.sideEffects = sideEffects;
		this.events = events;
	}

	/** One arrival of the set-wise part while it is stored. */
	private static final class Item {

		final int position;

		final ArrivalParser.Parsed arrival;

		LeadRow row;

		LeadRow before; // null: the arrival creates the lead

		final List<IdentityKey> newKeys = new ArrayList<>();

		final Set<String> matchedKinds = new TreeSet<>();

		long touchId;

		Item(int position, ArrivalParser.Parsed arrival) {
			this.position = position;
			this.arrival = arrival;
		}

		boolean created() {
			return before == null;
		}
	}

	/**
	 * Resolves valid arrivals; {@code oneByOne} is the per-arrival path for those that cannot go set-wise.
	 * @return the resolutions, in the arrivals' order
	 */
	Resolution[] resolve(List<ArrivalParser.Parsed> arrivals, Function<ArrivalParser.Parsed, Resolution> oneByOne) {
		int n = arrivals.size();
		Resolution[] out = new Resolution[n];
		boolean[] single = new boolean[n];
		retries(arrivals, out, single);

		Map<IdentityKey, String> indexes = new HashMap<>();
		for (int i = 0; i < n; i++) {
			if (out[i] == null && !single[i]) {
				arrivals.get(i).keys().forEach(k -> indexes.computeIfAbsent(k, leads::index));
			}
		}
		Map<IdentityKey, Leads.StoredIdentity> known = leads.identitiesByIndex(indexes);
		List<Item> items = group(arrivals, out, single, known);

		Map<Long, LeadRow> locked = new HashMap<>();
		leads.lock(items.stream().filter(it -> it.row != null).map(it -> it.row.id).toList())
			.forEach(r -> locked.put(r.id, r));
		Long[] companyIds = companies.resolveAll(items.stream().map(it -> it.arrival.company()).toList());
		long[] newIds = leads.nextIds((int) items.stream().filter(it -> it.row == null).count());
		List<LeadRow> createdRows = new ArrayList<>();
		List<LeadRow> changedRows = new ArrayList<>();
		List<Leads.NewIdentity> identities = new ArrayList<>();
		int next = 0;
		for (int k = 0; k < items.size(); k++) {
			Item it = items.get(k);
			ArrivalParser.Parsed a = it.arrival;
			Provenance provenance = new Provenance(a.source(), a.at());
			if (it.row == null) {
				LeadRow draft = LeadRow.fresh(a.at());
				a.fields().forEach((field, value) -> draft.offer(field, value, provenance, survivorship));
				draft.attributes.putAll(a.attributes());
				if (companyIds[k] != null) {
					draft.companyId = companyIds[k];
					draft.sources.put("company", provenance);
				}
				it.row = draft.withId(newIds[next++]);
				createdRows.add(it.row);
			}
			else {
				LeadRow row = locked.get(it.row.id);
				if (row == null || !row.active()) {
					throw new LeadPoolService.LostRace("a matched lead was merged meanwhile");
				}
				it.row = row;
				it.before = row.copy();
				a.fields().forEach((field, value) -> row.offer(field, value, provenance, survivorship));
				a.attributes().forEach(row.attributes::put);
				Long company = companyIds[k];
				if (company != null && (row.companyId == null || (!company.equals(row.companyId)
						&& survivorship.challengerWins("company", row.sources.get("company"), provenance)))) {
					row.companyId = company;
					row.sources.put("company", provenance);
				}
				if (!row.sameProfileAs(it.before)) {
					changedRows.add(row);
				}
			}
			for (IdentityKey key : it.newKeys) {
				identities.add(new Leads.NewIdentity(it.row.id, key, indexes.get(key), a.source(),
						!a.unverified().contains(key)));
			}
		}
		leads.insertAll(createdRows);
		leads.updateAll(changedRows);
		Map<IdentityKey, Long> added = leads.addIdentitiesAll(identities);
		if (added.size() < identities.size()) {
			throw new LeadPoolService.LostRace("an identity key was taken by a concurrent arrival");
		}
		long[] touchIds = touches.appendAll(items.stream().map(it -> new Touches.NewTouch(it.row.id, it.arrival.touch())).toList());
		List<ArrivalChanges.Arrived> changes = new ArrayList<>();
		List<PoolSideEffects.Arrived> arrived = new ArrayList<>();
		List<Long> consentChanged = new ArrayList<>();
		for (int k = 0; k < items.size(); k++) {
			Item it = items.get(k);
			it.touchId = touchIds[k];
			arrived.add(new PoolSideEffects.Arrived(it.row, it.touchId, it.arrival.touch()));
			if (!it.created()) {
				changes.add(new ArrivalChanges.Arrived(it.touchId, it.before, it.row,
						it.newKeys.stream().map(added::get).toList()));
			}
			if (it.arrival.consent() != null || it.arrival.touch().action() == TouchAction.UNSUBSCRIBE) {
				sideEffects.recordConsent(it.row.id, it.arrival.touch(), it.arrival.consent());
				consentChanged.add(it.row.id);
			}
		}
		arrivalChanges.recordAll(changes);
		sideEffects.applyTagRulesAll(arrived);
		sideEffects.noticeKnownCustomers(arrived);

		for (int i = 0; i < n; i++) {
			if (out[i] == null && single[i]) {
				out[i] = oneByOne.apply(arrivals.get(i)); // publishes its own events
			}
		}
		Set<Long> changed = new HashSet<>();
		changedRows.forEach(r -> changed.add(r.id));
		Map<Long, Long> merged = duplicates.search(items.stream()
			.filter(it -> it.created() || !it.newKeys.isEmpty() || changed.contains(it.row.id))
			.map(it -> new DuplicateSearch.Searched(it.row, ArrivalParser.firstPhone(it.arrival)))
			.toList());

		List<LeadTouched> touched = new ArrayList<>();
		for (Item it : items) {
			Arrival.TouchInput t = it.arrival.touch();
			touched.add(new LeadTouched(it.row.id, it.touchId, t.action(), t.channel(), t.seriesId(), it.arrival.at(),
					it.created()));
			out[it.position] = merged.containsKey(it.row.id) ? DuplicateSearch.absorbed(it.row.id, merged, it.matchedKinds,
					it.touchId)
					: new Resolution(it.row.id, it.created() ? Resolution.Outcome.CREATED : Resolution.Outcome.MATCHED,
							List.copyOf(it.matchedKinds), it.touchId, List.of());
		}
		if (!touched.isEmpty()) {
			Set<Long> profileChanged = new LinkedHashSet<>(); // a new phone or e-mail changes the profile too
			changedRows.forEach(r -> profileChanged.add(r.id));
			items.stream().filter(it -> !it.created() && !it.newKeys.isEmpty()).forEach(it -> profileChanged.add(it.row.id));
			events.publishEvent(new LeadsTouched(touched, List.copyOf(profileChanged), consentChanged));
		}
		return out;
	}

	/**
	 * Arrivals whose idempotency key is stored already are retries (answered with the stored touch); a key repeated
	 * within the batch goes one by one (it then finds the first one's touch).
	 */
	private void retries(List<ArrivalParser.Parsed> arrivals, Resolution[] out, boolean[] single) {
		Set<String> keys = new HashSet<>();
		arrivals.forEach(a -> {
			if (a.touch().idempotencyKey() != null) {
				keys.add(a.touch().idempotencyKey());
			}
		});
		Map<String, Touches.Existing> stored = touches.byIdempotencyKeys(keys);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < arrivals.size(); i++) {
			String key = arrivals.get(i).touch().idempotencyKey();
			if (key == null) {
				continue;
			}
			Touches.Existing existing = stored.get(key);
			if (existing != null) {
				out[i] = new Resolution(leads.canonicalId(existing.leadId()), Resolution.Outcome.DUPLICATE_TOUCH,
						List.of(), existing.touchId(), List.of());
			}
			else if (!seen.add(key)) {
				single[i] = true;
			}
		}
	}

	/**
	 * Groups the open arrivals by shared keys and matched leads (union–find); marks the members of groups that are
	 * not one arrival with at most one lead as {@code single}.
	 * @return the set-wise arrivals, in the batch's order; a matching one has its lead id in a placeholder row
	 */
	private List<Item> group(List<ArrivalParser.Parsed> arrivals, Resolution[] out, boolean[] single,
			Map<IdentityKey, Leads.StoredIdentity> known) {
		int n = arrivals.size();
		int[] parent = new int[n];
		for (int i = 0; i < n; i++) {
			parent[i] = i;
		}
		Map<IdentityKey, Integer> byKey = new HashMap<>();
		Map<Long, Integer> byLead = new HashMap<>();
		for (int i = 0; i < n; i++) {
			if (out[i] != null || single[i]) {
				continue;
			}
			for (IdentityKey key : arrivals.get(i).keys()) {
				Integer other = byKey.putIfAbsent(key, i);
				if (other != null) {
					union(parent, i, other);
				}
				Leads.StoredIdentity stored = known.get(key);
				if (stored != null) {
					Integer sameLead = byLead.putIfAbsent(stored.leadId(), i);
					if (sameLead != null) {
						union(parent, i, sameLead);
					}
				}
			}
		}
		int[] members = new int[n];
		Map<Integer, Set<Long>> leadsOf = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			if (out[i] == null && !single[i]) {
				int root = find(parent, i);
				members[root]++;
				for (IdentityKey key : arrivals.get(i).keys()) {
					Leads.StoredIdentity stored = known.get(key);
					if (stored != null) {
						leadsOf.computeIfAbsent(root, r -> new HashSet<>()).add(stored.leadId());
					}
				}
			}
		}
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (out[i] != null || single[i]) {
				continue;
			}
			int root = find(parent, i);
			Set<Long> matched = leadsOf.getOrDefault(root, Set.of());
			if (members[root] > 1 || matched.size() > 1) {
				single[i] = true;
				continue;
			}
			Item item = new Item(i, arrivals.get(i));
			for (IdentityKey key : item.arrival.keys()) {
				Leads.StoredIdentity stored = known.get(key);
				if (stored == null) {
					item.newKeys.add(key);
				}
				else {
					item.matchedKinds.add(key.kind().name());
				}
			}
			if (!matched.isEmpty()) {
				item.row = LeadRow.fresh(null).withId(matched.iterator().next()); // replaced by the locked row
			}
			items.add(item);
		}
		return items;
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	private static void union(int[] parent, int a, int b) {
		parent[find(parent, a)] = find(parent, b);
	}
}
