package com.leadflow.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lead pool's API for other modules: every arrival goes through {@link #resolve}, which finds or creates the one
 * lead of that person (merging leads its keys prove identical) and appends the touch. Ids of merged-away leads keep
 * working: every read follows them to the surviving lead.
 */
public interface LeadPool {

	/** Resolves the person of an arrival to one lead and appends its touch. Throws on invalid input. */
	Resolution resolve(Arrival arrival);

	/**
	 * Resolves a batch of arrivals in one transaction, with the same outcome per arrival as {@link #resolve} called
	 * for each in order: identity keys and idempotency keys of the whole batch are looked up together, new people and
	 * people matching one lead are stored set-wise, and arrivals that merge leads or share a person with another
	 * arrival of the batch go one by one. An invalid arrival is rejected on its own; the others are stored. The
	 * set-wise part is announced with one {@link LeadsTouched}.
	 * @return one result per arrival, in the same order
	 */
	List<ArrivalResult> resolveAll(List<Arrival> arrivals);

	/**
	 * What {@link #resolve} would find for an arrival (the leads of its identity keys, whether it is a retry), without
	 * storing anything. Throws on invalid input, like {@code resolve}.
	 */
	Identification identify(Arrival arrival);

	/**
	 * Reverts arrivals by their touch ids, newest first, in one transaction: a lead an arrival created is removed
	 * (identities, touches, tags, consents) unless something else touched, merged or changed it since; a lead an
	 * arrival updated gets back the field values, provenance and identity keys it had before, field by field, unless
	 * the field changed again since; the arrivals' touches are removed. What is left as it is comes back as
	 * {@link RevertedArrivals.Kept}. Touch ids already reverted or unknown are skipped.
	 */
	RevertedArrivals revertArrivals(Collection<Long> touchIds);

	/** The active lead behind an id (following merges), if any. */
	Optional<LeadSnapshot> find(long leadId);

	/** Snapshots of several leads (merged ids follow to their survivor; unknown ids are skipped). */
	List<LeadSnapshot> findAll(Collection<Long> leadIds);

	/**
	 * {@link #findAll} for hot paths that look at a lead's profile only (scoring): tags, attributes, phone numbers and
	 * the last touch may come back empty, and so may e-mails unless {@code withEmails}, and whether the lead is a known
	 * customer (false) unless {@code withCustomerStatus}; fields and company are all there.
	 */
	default List<LeadSnapshot> findProfiles(Collection<Long> leadIds, boolean withEmails, boolean withCustomerStatus) {
		return findAll(leadIds);
	}

	/** The id of the lead that an id resolves to today (itself, or the survivor of its merges); 0 for no such lead. */
	long canonicalId(long leadId);

	/** {@link #canonicalId} of several ids at once: id → the id it resolves to; ids of no lead are left out. */
	Map<Long, Long> canonicalIds(Collection<Long> leadIds);

	/** A lead's whole timeline, oldest first. */
	List<Touch> touches(long leadId);

	/**
	 * The timelines of several leads, oldest first per lead; an id merged into another lead has none (its touches are
	 * the survivor's), nor has one no longer in the pool.
	 */
	Map<Long, List<Touch>> touches(Collection<Long> leadIds);

	/**
	 * {@link #touches(Collection)} where the payloads may be left out (empty maps): what scoring reads. The pool
	 * serves it from an index alone; the default, for other implementations, keeps them.
	 */
	default Map<Long, List<Touch>> timelines(Collection<Long> leadIds) {
		return touches(leadIds);
	}

	/**
	 * The touches of a campaign series in the timeline (those with a channel), in all and per channel: what attribution
	 * counts. Touches removed from the pool (a reverted import) no longer count.
	 */
	SeriesTouches seriesTouches(long seriesId);

	/** Which kinds of touch each of several leads has had at least once (leads with none are left out). */
	Map<Long, Set<TouchAction>> actionsDone(Collection<Long> leadIds);

	/**
	 * Records the lifecycle stage the lifecycle module decided (the pool keeps it for search and profiles; the
	 * state machine and its history live in that module). Merged ids follow to the survivor.
	 */
	void recordStage(long leadId, String stage);

	/** {@link #recordStage} for several active leads at once. */
	void recordStages(Collection<Long> leadIds, String stage);

	/** Gives a lead an owner (an SDR or sales person), as a profile change from {@code source}. */
	void assignOwner(long leadId, String owner, String source);

	/**
	 * Whether a lead may be contacted for a purpose: the latest consent record for it is a grant that was not
	 * withdrawn. No record means no consent (PIPL: consent before marketing use).
	 */
	boolean hasConsent(long leadId, ConsentPurpose purpose);

	/** {@link #hasConsent} for several leads at once: those of them that may be contacted for the purpose. */
	java.util.Set<Long> consented(Collection<Long> leadIds, ConsentPurpose purpose);

	/** Ids of active leads after {@code afterId} in id order, for batched scans (bulk scoring, reports). */
	List<Long> activeLeadIdsAfter(long afterId, int limit);
}
