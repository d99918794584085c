package com.leadflow.scoring;

/**
 * A lead's band in a score group changed ({@code oldBand} is null for the lead's first score). Published after the
 * score is stored; routing (crm-sync) reacts to it.
 */
public record LeadBandChanged(long leadId, String group, ScoreBand oldBand, ScoreBand newBand, int score,
		FitGrade fitGrade) {
}
