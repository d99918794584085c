package com.leadflow.analytics.readmodel;

import java.util.List;

/**
 * A rollup table kept in step with the facts: what each lead contributes is {@code select} (its key columns, then
 * its measure columns) over {@code analytics_lead l}, where {@code %WHERE%} selects the leads.
 */
record Rollup(String table, List<String> keys, List<String> measures, String select) {

	static final String WHERE = "%WHERE%";

	String contributionsOf(String where) {
		return select.replace(WHERE, where);
	}

	List<String> columns() {
		return java.util.stream.Stream.concat(keys.stream(), measures.stream()).toList();
	}

	static final List<Rollup> ALL = List.of(
			new Rollup("analytics_segment_rollup", List.of("industry", "region", "size_band", "present_mask"),
					List.of("leads"),
					"select l.industry, l.region, l.size_band, l.present_mask, 1 as leads from analytics_lead l where %WHERE%"),
			new Rollup("analytics_stage_rollup", List.of("stage", "band", "present_mask"), List.of("leads"),
					"select l.stage, l.band, l.present_mask, 1 as leads from analytics_lead l where %WHERE%"),
			new Rollup("analytics_upkeep_rollup",
					List.of("industry", "region", "size_band", "email_bounced", "phone_dead", "last_touch_month"),
					List.of("leads"), """
							select l.industry, l.region, l.size_band, l.email_bounced, l.phone_dead, l.last_touch_month,
							    1 as leads from analytics_lead l where %WHERE%"""),
			new Rollup("analytics_cohort_rollup", List.of("model", "created_day", "series_id", "channel"),
					List.copyOf(CohortMeasures.EXPRESSIONS.keySet()),
					"select 'FIRST_TOUCH' as model, l.created_day, l.first_series_id, l.first_channel, "
							+ CohortMeasures.selectList() + " from analytics_lead l where %WHERE% union all "
							+ "select 'LAST_TOUCH' as model, l.created_day, l.last_series_id, l.last_channel, "
							+ CohortMeasures.selectList() + " from analytics_lead l where %WHERE%"),
			new Rollup("analytics_conversion_rollup", List.of("created_day", "nurtured_day", "sql_day"), List.of("leads"),
					"""
							select l.created_day, (l.nurtured_at at time zone '%ZONE%')::date,
							    (l.sql_at at time zone '%ZONE%')::date, 1 as leads from analytics_lead l where %WHERE%"""));
}
