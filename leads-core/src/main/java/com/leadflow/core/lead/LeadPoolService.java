package com.leadflow.core.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.core.Arrival;
import com.leadflow.core.ArrivalResult;
import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.Identification;
import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadProfileChanged;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.LeadTouched;
import com.leadflow.core.Resolution;
import com.leadflow.core.RevertedArrivals;
import com.leadflow.core.SeriesTouches;
import com.leadflow.core.Touch;
import com.leadflow.core.TouchAction;
import com.leadflow.core.company.Companies;
import com.leadflow.core.identity.IdentityKey;
import com.leadflow.core.identity.InvalidArrivalException;
import com.leadflow.core.identity.Normalizer;
import com.leadflow.core.lead.Survivorship.Provenance;
import com.leadflow.core.privacy.Consents;

/**
 * The lead pool: exact identity resolution on every arrival. Keys are looked up together; no match creates a lead,
 * one match attaches, several matches merge those leads (recorded, undoable) before attaching. The unique key
 * constraint settles races: an arrival that loses one is rolled back and resolved again against the winner.
 */
@Service
class LeadPoolService implements LeadPool {

	private static final Logger log = LoggerFactory.getLogger(LeadPoolService.class);

	private static final int MAX_ATTEMPTS = 20;

	private static final int BATCH_ATTEMPTS = 3;

	private final Leads leads;

	private final Touches touches;

	private final Companies companies;

	private final Merges merges;

	private final Survivorship survivorship;

	private final PoolSideEffects sideEffects;

	private final LeadSnapshots snapshots;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Consents consents;

	private final ArrivalChanges arrivalChanges;

	private final ArrivalReverts reverts;

	private final BatchArrivals batch;

	private final DuplicateSearch duplicates;

	LeadPoolService(DuplicateSearch duplicates, Consents consents, ArrivalChanges arrivalChanges, ArrivalReverts reverts, BatchArrivals batch, Leads leads, Touches touches, Companies companies, Merges merges, Survivorship survivorship,
			PoolSideEffects sideEffects, LeadSnapshots snapshots, ApplicationEventPublisher events, TransactionTemplate tx,
			ObjectProvider<Clock> clock) {
		this.leads = leads;
		this.touches = touches;
		this.companies = companies;
		this.merges = merges;
		this.survivorship = survivorship;
		this.sideEffects = sideEffects;
		this.snapshots = snapshots;
		this.events = events;
		this.tx = tx;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.consents = consents;
		this.arrivalChanges = arrivalChanges;
		this.reverts = reverts;
		this.batch = batch;
		this.duplicates = duplicates;
	}

	/** Thrown inside the transaction when a concurrent arrival won a race: roll back and resolve again. */
	static final class LostRace extends RuntimeException {

		LostRace(String what) {
			super(what, null, false, false);
		}
	}

	@Override
	public Resolution resolve(Arrival arrival) {
		ArrivalParser.Parsed parsed = ArrivalParser.parse(arrival, clock.instant());
		return resolve(parsed).withWarnings(parsed.warnings());
	}

	private Resolution resolve(ArrivalParser.Parsed parsed) {
		for (int attempt = 1;; attempt++) {
			try {
				return tx.execute(status -> resolveOnce(parsed));
			}
			catch (LostRace | DuplicateKeyException | ConcurrencyFailureException e) {
				if (attempt == MAX_ATTEMPTS) {
					throw e;
				}
				log.debug("Arrival lost a race ({}), attempt {}", e.getMessage(), attempt);
				backoff(attempt);
			}
		}
	}

	/**
	 * The batch in one transaction; a batch that loses a race is tried again a few times, then its arrivals go one by
	 * one (each with its own retries), so that a busy key costs one arrival its speed, not the batch its progress.
	 */
	@Override
	public List<ArrivalResult> resolveAll(List<Arrival> arrivals) {
		ArrivalResult[] results = new ArrivalResult[arrivals.size()];
		List<ArrivalParser.Parsed> valid = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		Instant now = clock.instant();
		for (int i = 0; i < arrivals.size(); i++) {
			try {
				valid.add(ArrivalParser.parse(arrivals.get(i), now));
				positions.add(i);
			}
			catch (InvalidArrivalException e) {
				results[i] = new ArrivalResult(null, e);
			}
		}
		Resolution[] resolved = null;
		for (int attempt = 1; resolved == null && !valid.isEmpty(); attempt++) {
			try {
				resolved = tx.execute(status -> batch.resolve(valid, this::resolveOnce));
			}
			catch (LostRace | DuplicateKeyException | ConcurrencyFailureException e) {
				log.debug("Batch of {} arrivals lost a race ({}), attempt {}", valid.size(), e.getMessage(), attempt);
				if (attempt == BATCH_ATTEMPTS) {
					resolved = valid.stream().map(this::resolve).toArray(Resolution[]::new);
				}
				else {
					backoff(attempt);
				}
			}
		}
		for (int k = 0; k < valid.size(); k++) {
			results[positions.get(k)] = new ArrivalResult(resolved[k].withWarnings(valid.get(k).warnings()), null);
		}
		return List.of(results);
	}

	private Resolution resolveOnce(ArrivalParser.Parsed arrival) {
		String key = arrival.touch().idempotencyKey();
		if (key != null) {
			Optional<Touches.Existing> existing = touches.byIdempotencyKey(key);
			if (existing.isPresent()) {
				return new Resolution(leads.canonicalId(existing.get().leadId()), Resolution.Outcome.DUPLICATE_TOUCH,
						List.of(), existing.get().touchId(), List.of());
			}
		}
		Provenance provenance = new Provenance(arrival.source(), arrival.at());
		List<Leads.StoredIdentity> known = leads.identities(arrival.keys());
		Set<IdentityKey> knownKeys = known.stream().map(Leads.StoredIdentity::key).collect(Collectors.toSet());
		List<IdentityKey> newKeys = arrival.keys().stream().filter(k -> !knownKeys.contains(k)).toList();
		List<Resolution.Warning> warnings = new ArrayList<>();
		List<Long> leadIds = known.stream().map(Leads.StoredIdentity::leadId).distinct().sorted().toList();

		LeadRow lead;
		LeadRow before = null;
		boolean created = leadIds.isEmpty();
		boolean profileChanged;
		List<Long> absorbed = new ArrayList<>();
		if (created) {
			lead = create(arrival, provenance);
			profileChanged = false;
		}
		else {
			List<LeadRow> rows = leads.lock(leadIds);
			if (rows.size() != leadIds.size() || rows.stream().anyMatch(r -> !r.active())) {
				throw new LostRace("a matched lead was merged meanwhile");
			}
			String matched = known.stream().map(i -> i.key().kind().name()).distinct().collect(Collectors.joining(", "));
			lead = rows.get(0); // the oldest lead survives
			Optional<LeadRow> named = bridgedByName(rows, arrival);
			if (rows.size() > 1 && named.isEmpty()) {
				for (LeadRow other : rows.subList(1, rows.size())) {
					merges.mergeLocked(lead, other, DuplicateSearch.ACTOR,
							"one arrival carried keys of both leads (" + matched + ")");
					absorbed.add(other.id);
				}
			}
			else if (rows.size() > 1) {
				// the keys' leads carry different names: two people (a shared phone?) until someone decides
				lead = named.get();
				long chosen = lead.id;
				warnings.add(new Resolution.Warning("identity", "keys of leads " + leadIds + " (" + matched
						+ ") whose names differ: not merged, the touch went to lead " + chosen
						+ " (same name), the pair waits in the duplicate review"));
				duplicates.queue(rows.stream().filter(r -> r.id != chosen).map(r -> r.id).toList(), chosen,
						"one arrival carried keys of both leads (" + matched + "), names differ");
			}
			before = lead.copy();
			LeadRow target = lead;
			arrival.fields().forEach((field, value) -> target.offer(field, value, provenance, survivorship));
			arrival.attributes().forEach(target.attributes::put);
			companies.resolve(arrival.company()).ifPresent(id -> {
				if (target.companyId == null || (!id.equals(target.companyId)
						&& survivorship.challengerWins("company", target.sources.get("company"), provenance))) {
					target.companyId = id;
					target.sources.put("company", provenance);
				}
			});
			profileChanged = !lead.sameProfileAs(before);
			if (profileChanged || !absorbed.isEmpty()) {
				leads.update(lead);
			}
		}
		List<Long> addedIdentities = leads.addIdentities(lead.id, created ? List.copyOf(arrival.keys()) : newKeys,
				arrival.source(), arrival.unverified());
		if (addedIdentities.size() < (created ? arrival.keys().size() : newKeys.size())) {
			throw new LostRace("an identity key was taken by a concurrent arrival");
		}
		long touchId = touches.append(lead.id, arrival.touch());
		if (!created) {
			arrivalChanges.record(touchId, before, lead, addedIdentities, absorbed);
		}
		sideEffects.recordConsent(lead.id, arrival.touch(), arrival.consent());
		List<PoolSideEffects.Arrived> arrived = List.of(new PoolSideEffects.Arrived(lead, touchId, arrival.touch()));
		sideEffects.applyTagRulesAll(arrived);
		sideEffects.noticeKnownCustomers(arrived);
		Map<Long, Long> merged = created || profileChanged || !addedIdentities.isEmpty()
				? duplicates.search(List.of(new DuplicateSearch.Searched(lead, ArrivalParser.firstPhone(arrival))))
				: Map.of();
		if (profileChanged || (!created && !addedIdentities.isEmpty())) { // a new phone or e-mail changes it too
			events.publishEvent(new LeadProfileChanged(lead.id));
		}
		events.publishEvent(new LeadTouched(lead.id, touchId, arrival.touch().action(),
				arrival.touch().channel(), arrival.touch().seriesId(), arrival.at(), created));
		List<String> matchedKinds = known.stream().map(i -> i.key().kind().name()).distinct().sorted().toList();
		if (merged.containsKey(lead.id)) {
			return DuplicateSearch.absorbed(lead.id, merged, matchedKinds, touchId).withWarnings(warnings);
		}
		return new Resolution(lead.id, created ? Resolution.Outcome.CREATED : Resolution.Outcome.MATCHED, matchedKinds,
				touchId, absorbed, warnings);
	}

	/**
	 * When an arrival's keys belong to several leads whose names cannot be one person's
	 * ({@link Normalizer#namesCompatible}), the one lead of the arrival's name (else the oldest); empty when the names
	 * agree (or are missing), so that the leads are merged.
	 */
	private static Optional<LeadRow> bridgedByName(List<LeadRow> rows, ArrivalParser.Parsed arrival) {
		boolean agree = rows.stream().allMatch(a -> rows.stream()
			.allMatch(b -> Normalizer.namesCompatible(a.field("name"), b.field("name"))));
		if (agree) {
			return Optional.empty();
		}
		String mine = Normalizer.personMatchName(arrival.fields().get("name"));
		List<LeadRow> same = rows.stream().filter(r -> mine != null && mine.equals(r.nameKey())).toList();
		return Optional.of(same.size() == 1 ? same.get(0) : rows.get(0));
	}

	private LeadRow create(ArrivalParser.Parsed arrival, Provenance provenance) {
		LeadRow draft = LeadRow.fresh(arrival.at());
		arrival.fields().forEach((field, value) -> draft.offer(field, value, provenance, survivorship));
		draft.attributes.putAll(arrival.attributes());
		companies.resolve(arrival.company()).ifPresent(id -> {
			draft.companyId = id;
			draft.sources.put("company", provenance);
		});
		return draft.withId(leads.insert(draft));
	}

	private static void backoff(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 10) * 3));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public Identification identify(Arrival arrival) {
		ArrivalParser.Parsed parsed = ArrivalParser.parse(arrival, clock.instant());
		String key = parsed.touch().idempotencyKey();
		boolean retry = key != null && touches.byIdempotencyKey(key).isPresent();
		List<Long> leadIds = leads.identities(parsed.keys()).stream().map(i -> leads.canonicalId(i.leadId())).distinct()
			.sorted().toList();
		return new Identification(leadIds, retry, parsed.keys().stream().map(IdentityKey::toString).toList(),
				parsed.warnings());
	}

	@Override
	public RevertedArrivals revertArrivals(Collection<Long> touchIds) {
		return tx.execute(status -> reverts.revert(touchIds));
	}

	@Override
	public Optional<LeadSnapshot> find(long leadId) {
		long id = leads.canonicalId(leadId);
		return id == 0 ? Optional.empty() : snapshots.of(List.of(id)).stream().findFirst();
	}

	@Override
	public List<LeadSnapshot> findAll(Collection<Long> leadIds) {
		return findAll(leadIds, LeadSnapshots.Detail.FULL);
	}

	@Override
	public List<LeadSnapshot> findProfiles(Collection<Long> leadIds, boolean withEmails, boolean withCustomerStatus) {
		return findAll(leadIds, LeadSnapshots.Detail.profile(withEmails, withCustomerStatus));
	}

	private List<LeadSnapshot> findAll(Collection<Long> leadIds, LeadSnapshots.Detail detail) {
		Set<Long> ids = new LinkedHashSet<>(leadIds);
		// active ones; merged or unknown ids are followed after
		List<LeadSnapshot> found = snapshots.of(ids, detail);
		if (found.size() == ids.size()) {
			return found;
		}
		found.forEach(l -> ids.remove(l.id()));
		Set<Long> survivors = new LinkedHashSet<>(leads.canonicalIds(ids).values());
		found.forEach(l -> survivors.remove(l.id()));
		List<LeadSnapshot> all = new ArrayList<>(found);
		all.addAll(snapshots.of(survivors, detail));
		all.sort(Comparator.comparingLong(LeadSnapshot::id));
		return all;
	}

	@Override
	public long canonicalId(long leadId) {
		return leads.canonicalId(leadId);
	}

	@Override
	public Map<Long, Long> canonicalIds(Collection<Long> leadIds) {
		return leads.canonicalIds(leadIds);
	}

	@Override
	public List<Touch> touches(long leadId) {
		return touches.ofLead(leads.canonicalId(leadId));
	}

	@Override
	public Map<Long, List<Touch>> touches(Collection<Long> leadIds) {
		return byLead(leadIds, touches.ofLeads(leadIds, true));
	}

	@Override
	public SeriesTouches seriesTouches(long seriesId) {
		return touches.ofSeries(seriesId);
	}

	@Override
	public Map<Long, List<Touch>> timelines(Collection<Long> leadIds) {
		return byLead(leadIds, touches.ofLeads(leadIds, false));
	}

	private static Map<Long, List<Touch>> byLead(Collection<Long> leadIds, List<Touch> all) {
		Map<Long, List<Touch>> byLead = new LinkedHashMap<>();
		leadIds.forEach(id -> byLead.put(id, new ArrayList<>()));
		for (Touch touch : all) {
			byLead.computeIfAbsent(touch.leadId(), k -> new ArrayList<>()).add(touch);
		}
		return byLead;
	}

	@Override
	public Map<Long, Set<TouchAction>> actionsDone(Collection<Long> leadIds) {
		return touches.actionsOf(leadIds);
	}

	@Override
	public void recordStage(long leadId, String stage) {
		tx.executeWithoutResult(status -> leads.recordStage(existing(leadId), stage));
	}

	@Override
	public void recordStages(Collection<Long> leadIds, String stage) {
		tx.executeWithoutResult(status -> leads.recordStages(leadIds, stage));
	}

	@Override
	public void assignOwner(long leadId, String owner, String source) {
		tx.executeWithoutResult(status -> {
			long id = existing(leadId);
			LeadRow row = leads.lock(List.of(id)).get(0);
			if (row.offer("owner", Normalizer.text(owner), new Provenance(source, clock.instant()), survivorship)) {
				leads.update(row);
				events.publishEvent(new LeadProfileChanged(id));
			}
		});
	}

	@Override
	public boolean hasConsent(long leadId, ConsentPurpose purpose) {
		long id = leads.canonicalId(leadId);
		return id != 0 && consents.has(id, purpose);
	}

	@Override
	public Set<Long> consented(Collection<Long> leadIds, ConsentPurpose purpose) {
		Map<Long, Long> canonical = leads.canonicalIds(leadIds);
		Set<Long> granted = consents.granted(new LinkedHashSet<>(canonical.values()), purpose);
		Set<Long> result = new LinkedHashSet<>();
		canonical.forEach((id, survivor) -> {
			if (granted.contains(survivor)) {
				result.add(id);
			}
		});
		return result;
	}

	private long existing(long leadId) {
		long id = leads.canonicalId(leadId);
		if (id == 0) {
			throw new LeadNotFoundException("lead", leadId);
		}
		return id;
	}

	@Override
	public List<Long> activeLeadIdsAfter(long afterId, int limit) {
		return leads.activeIdsAfter(afterId, limit);
	}

	Instant now() {
		return clock.instant();
	}
}
