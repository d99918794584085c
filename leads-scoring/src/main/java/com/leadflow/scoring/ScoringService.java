package com.leadflow.scoring;

import java.util.List;

/**
 * The scoring module's API for other modules: a lead's current scores (one per score group of the model that applies
 * to it), re-scoring on demand and recycling. Band changes are announced with {@link LeadBandChanged}.
 */
public interface ScoringService {

	/** The stored scores of a lead (computed and stored first if it has none); empty for an unknown lead. */
	List<LeadScore> scoresOf(long leadId);

	/** Re-scores a lead now with the active model of its scope and stores the result. */
	List<LeadScore> rescore(long leadId);

	/**
	 * Recycles a lead: behaviour points earned so far are reset or decayed by the rule (the explanation says so),
	 * then the lead is re-scored. Called by the lifecycle when sales hand a lead back.
	 */
	List<LeadScore> recycle(long leadId, RecycleRule rule);
}
