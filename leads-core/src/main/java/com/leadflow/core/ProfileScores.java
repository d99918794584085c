package com.leadflow.core;

import java.time.Instant;
import java.util.Optional;

/**
 * A lead's current score as its 360° profile shows it. The pool does not score: the scoring module implements this
 * (the pool depends on no module); without it the profile's {@code score} is empty.
 */
public interface ProfileScores {

	/** The stored score of the lead's first score group, if it has one. */
	Optional<ProfileScore> of(long leadId);

	/** The total, band and fit grade of a lead, with the model version that produced them. */
	record ProfileScore(int total, String band, String fitGrade, String group, long modelId, int modelVersion,
			Instant scoredAt) {
	}
}
