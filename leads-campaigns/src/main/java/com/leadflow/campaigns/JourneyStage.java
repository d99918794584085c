package com.leadflow.campaigns;

/** The stage of the B2B buying journey a campaign series targets. */
public enum JourneyStage {
	STRATEGY_AND_GOALS, NEEDS_AND_GAPS, VENDOR_EVALUATION, BUDGET_APPROVED_PURCHASE, IMPLEMENTATION_AND_REVIEW
}
