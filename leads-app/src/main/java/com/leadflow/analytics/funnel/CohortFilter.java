package com.leadflow.analytics.funnel;

import java.time.LocalDate;

/**
 * Which leads a cohort report counts: created (in the analytics zone) from {@code from} to {@code to} inclusive,
 * optionally attributed to a series and/or channel (by {@code model}), in an industry, region or with an owner.
 */
public record CohortFilter(LocalDate from, LocalDate to, Long seriesId, String channel, String industry, String region,
		String owner, AttributionModel model) {

	public enum AttributionModel {
		FIRST_TOUCH, LAST_TOUCH
	}

	/** Whether the cohort rollup can answer (it has no industry, region or owner). */
	boolean rollupCovers() {
		return industry == null && region == null && owner == null;
	}
}
