package com.leadflow.analytics.web;

import java.time.LocalDate;

import com.leadflow.analytics.funnel.CohortFilter;
import com.leadflow.analytics.funnel.CohortFilter.AttributionModel;
import com.leadflow.analytics.support.Problems;

/** Reads a report period: defaults to the last 30 days up to today; {@code from} after {@code to} is refused. */
final class Periods {

	private Periods() {
	}

	static CohortFilter filter(LocalDate from, LocalDate to, LocalDate today, Long seriesId, String channel,
			String industry, String region, String owner, AttributionModel model) {
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.minusDays(29) : from;
		if (start.isAfter(end)) {
			throw Problems.invalid("from", "must not be after to (" + end + ")");
		}
		return new CohortFilter(start, end, seriesId, blank(channel), blank(industry), blank(region), blank(owner),
				model == null ? AttributionModel.FIRST_TOUCH : model);
	}

	static int days(Integer days, int max) {
		int d = days == null ? 30 : days;
		if (d < 1 || d > max) {
			throw Problems.invalid("days", "must be between 1 and " + max);
		}
		return d;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
