package com.leadflow.scoring;

import java.time.Instant;
import java.util.List;

/** A lead's stored score in one score group, with the model version that produced it and its explanation. */
public record LeadScore(long leadId, String group, int total, ScoreBand band, double fitPoints, FitGrade fitGrade,
		double behaviourPoints, long modelId, String scope, int modelVersion, Instant scoredAt, List<ScoreLine> lines) {

	public LeadScore {
		lines = List.copyOf(lines);
	}
}
