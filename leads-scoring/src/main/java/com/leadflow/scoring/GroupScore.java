package com.leadflow.scoring;

import java.util.List;

/**
 * A lead's score in one score group of a model: {@code total = round(fitPoints + behaviourPoints)}, the band from
 * the total, the fit grade from the fit points only, and the lines that explain it.
 */
public record GroupScore(String group, int total, ScoreBand band, double fitPoints, FitGrade fitGrade,
		double behaviourPoints, List<ScoreLine> lines) {

	public GroupScore {
		lines = List.copyOf(lines);
	}
}
