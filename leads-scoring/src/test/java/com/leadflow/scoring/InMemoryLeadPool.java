package com.leadflow.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.core.Arrival;
import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.LeadMergeUndone;
import com.leadflow.core.LeadMerged;
import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadProfileChanged;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.LeadTouched;
import com.leadflow.core.LeadsTouched;
import com.leadflow.core.Resolution;
import com.leadflow.core.Touch;
import com.leadflow.core.TouchAction;

/**
 * A lead pool in memory for the scoring module's own tests (core's real pool is tested with the app): it keeps
 * snapshots and timelines, follows merges and publishes the pool's events in a transaction, like the real one.
 */
public class InMemoryLeadPool implements LeadPool, ApplicationEventPublisherAware {

	private final Map<Long, LeadSnapshot> leads = new TreeMap<>();

	private final Map<Long, List<Touch>> timelines = new LinkedHashMap<>();

	private final Map<Long, Long> mergedInto = new LinkedHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher events) {
		this.events = events;
	}

	public synchronized void reset() {
		leads.clear();
		timelines.clear();
		mergedInto.clear();
	}

	public synchronized LeadSnapshot add(LeadSnapshot lead) {
		long id = lead.id() > 0 ? lead.id() : ids.incrementAndGet();
		ids.accumulateAndGet(id, Math::max);
		LeadSnapshot stored = new LeadSnapshot(id, lead.name(), lead.title(), lead.decisionRole(), lead.region(),
				lead.province(), lead.city(), lead.owner(), lead.lifecycleStage(), lead.budget(), lead.need(),
				lead.timeframe(), lead.companyId(), lead.companyName(), lead.industry(), lead.companySizeBand(),
				lead.existingCustomer(), lead.emails(), lead.phones(), lead.tags(), lead.attributes(),
				lead.createdAt(), lead.lastTouchAt());
		leads.put(id, stored);
		timelines.putIfAbsent(id, new ArrayList<>());
		return stored;
	}

	/** Appends a touch and publishes {@link LeadTouched}, as the real pool does after its transaction. */
	public Touch touch(long leadId, TouchAction action, Instant at, Integer minutes) {
		Touch touch = append(leadId, action, at, minutes);
		tx.executeWithoutResult(s -> events.publishEvent(new LeadTouched(leadId, touch.id(), action, "web", null, at, false)));
		return touch;
	}

	/**
	 * Appends a touch as one arrival of a batch and publishes {@link LeadsTouched} for it (the lead neither created nor
	 * changed by it), as the real pool does after its transaction.
	 */
	public Touch touchInBatch(long leadId, TouchAction action, Instant at, Integer minutes) {
		Touch touch = append(leadId, action, at, minutes);
		tx.executeWithoutResult(s -> events.publishEvent(new LeadsTouched(
				List.of(new LeadTouched(leadId, touch.id(), action, "web", null, at, false)), List.of(), List.of())));
		return touch;
	}

	/** Replaces a lead's profile and publishes {@link LeadProfileChanged}. */
	public void changeProfile(LeadSnapshot changed) {
		add(changed);
		tx.executeWithoutResult(s -> events.publishEvent(new LeadProfileChanged(changed.id())));
	}

	/** Silently appends a touch (no event) and returns it: for bulk tests. */
	public synchronized Touch append(long leadId, TouchAction action, Instant at, Integer minutes) {
		Touch touch = new Touch(ids.incrementAndGet(), leadId, action, "web", null, at, minutes, null, Map.of());
		timelines.get(leadId).add(touch);
		return touch;
	}

	public void merge(long survivorId, long absorbedId) {
		mergeQuietly(survivorId, absorbedId);
		tx.executeWithoutResult(s -> events.publishEvent(new LeadMerged(survivorId, absorbedId, ids.incrementAndGet())));
	}

	/** Merges without publishing {@link LeadMerged} (yet): as the pool is between its commit and the event's delivery. */
	public synchronized void mergeQuietly(long survivorId, long absorbedId) {
		leads.remove(absorbedId);
		timelines.get(survivorId).addAll(timelines.remove(absorbedId));
		timelines.get(survivorId).sort(java.util.Comparator.comparing(Touch::occurredAt));
		mergedInto.put(absorbedId, survivorId);
	}

	/** Reverts a merge: the absorbed lead is active again with the touches it brought. */
	public void undoMerge(long survivorId, LeadSnapshot restored) {
		synchronized (this) {
			mergedInto.remove(restored.id());
			leads.put(restored.id(), restored);
			List<Touch> back = timelines.get(survivorId).stream().filter(t -> t.leadId() == restored.id()).toList();
			timelines.get(survivorId).removeAll(back);
			timelines.put(restored.id(), new ArrayList<>(back));
		}
		tx.executeWithoutResult(s -> events.publishEvent(new LeadMergeUndone(ids.incrementAndGet(), survivorId,
				restored.id())));
	}

	@Override
	public Resolution resolve(Arrival arrival) {
		throw new UnsupportedOperationException("not needed by scoring");
	}

	@Override
	public List<com.leadflow.core.ArrivalResult> resolveAll(List<Arrival> arrivals) {
		throw new UnsupportedOperationException("not needed by scoring");
	}

	@Override
	public synchronized Optional<LeadSnapshot> find(long leadId) {
		return Optional.ofNullable(leads.get(canonicalId(leadId)));
	}

	@Override
	public synchronized List<LeadSnapshot> findAll(Collection<Long> leadIds) {
		return leadIds.stream().map(this::find).flatMap(Optional::stream).toList();
	}

	@Override
	public synchronized long canonicalId(long leadId) {
		long id = leadId;
		while (mergedInto.containsKey(id)) {
			id = mergedInto.get(id);
		}
		return leads.containsKey(id) ? id : 0; // as the pool: 0 for no such lead
	}

	@Override
	public synchronized List<Touch> touches(long leadId) {
		return List.copyOf(timelines.getOrDefault(canonicalId(leadId), List.of()));
	}

	@Override
	public synchronized Map<Long, List<Touch>> touches(Collection<Long> leadIds) {
		Map<Long, List<Touch>> result = new LinkedHashMap<>();
		leadIds.forEach(id -> result.put(id, List.copyOf(timelines.getOrDefault(id, List.of())))); // merged: none
		return result;
	}

	@Override
	public Map<Long, java.util.Set<com.leadflow.core.TouchAction>> actionsDone(Collection<Long> leadIds) {
		throw new UnsupportedOperationException("not needed by scoring");
	}

	@Override
	public void recordStage(long leadId, String stage) {
		throw new UnsupportedOperationException("not needed by scoring");
	}

	@Override
	public void recordStages(java.util.Collection<Long> leadIds, String stage) {
		throw new UnsupportedOperationException("not needed by scoring");
	}

	@Override
	public synchronized Map<Long, Long> canonicalIds(java.util.Collection<Long> leadIds) {
		Map<Long, Long> ids = new java.util.LinkedHashMap<>();
		leadIds.forEach(id -> {
			if (canonicalId(id) != 0) {
				ids.put(id, canonicalId(id));
			}
		});
		return ids;
	}

	@Override
	public java.util.Set<Long> consented(java.util.Collection<Long> leadIds, ConsentPurpose purpose) {
		throw new UnsupportedOperationException("not needed by scoring");
	}

	@Override
	public void assignOwner(long leadId, String owner, String source) {
		throw new UnsupportedOperationException("not needed by scoring");
	}

	@Override
	public com.leadflow.core.Identification identify(Arrival arrival) {
		throw new UnsupportedOperationException("not used by scoring's tests");
	}

	@Override
	public com.leadflow.core.RevertedArrivals revertArrivals(Collection<Long> touchIds) {
		throw new UnsupportedOperationException("not used by scoring's tests");
	}

	@Override
	public com.leadflow.core.SeriesTouches seriesTouches(long seriesId) {
		throw new UnsupportedOperationException("not used by scoring's tests");
	}

	@Override
	public boolean hasConsent(long leadId, ConsentPurpose purpose) {
		throw new UnsupportedOperationException("not needed by scoring");
	}

	@Override
	public synchronized List<Long> activeLeadIdsAfter(long afterId, int limit) {
		return leads.keySet().stream().filter(id -> id > afterId).limit(limit).toList();
	}
}
