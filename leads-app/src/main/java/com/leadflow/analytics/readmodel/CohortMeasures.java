package com.leadflow.analytics.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one lead adds to its cohort (leads created on a day), as SQL over {@code analytics_lead l}. The cohort rollup
 * stores their sums per day, model, series and channel; reports filtered by columns the rollup lacks sum the same
 * expressions over the facts, so both paths count alike.
 */
public final class CohortMeasures {

	/** Column of {@code analytics_cohort_rollup} → its expression over a fact row. */
	public static final Map<String, String> EXPRESSIONS = new LinkedHashMap<>();

	static {
		EXPRESSIONS.put("leads", "1");
		EXPRESSIONS.put("mqls", "(l.mql_at is not null)::int");
		EXPRESSIONS.put("sqls", "(l.sql_at is not null)::int");
		EXPRESSIONS.put("opps", "(l.opp_at is not null)::int");
		EXPRESSIONS.put("won", "(l.won_at is not null)::int");
		EXPRESSIONS.put("won_revenue", "coalesce(l.won_revenue, 0)");
		EXPRESSIONS.put("lost", "(l.lost_at is not null)::int");
		EXPRESSIONS.put("lost_not_reengaged", "(l.lost_at is not null and not l.touched_after_lost)::int");
		EXPRESSIONS.put("mql_no_sales_touch",
				"(l.mql_at is not null and (l.last_sales_touch_at is null or l.last_sales_touch_at < l.mql_at))::int");
		for (String s : new String[] { "lead", "mql", "sql", "opp" }) {
			EXPRESSIONS.put("in_" + s, "l.in_" + s + "::int");
		}
		for (String s : new String[] { "lead", "mql", "sql", "opp" }) {
			EXPRESSIONS.put("secs_" + s, "l.secs_" + s);
		}
		String[][] open = { { "lead", "LEAD" }, { "mql", "MQL" }, { "sql", "SQL" }, { "opp", "OPPORTUNITY" } };
		for (String[] s : open) {
			EXPRESSIONS.put("open_" + s[0], "(coalesce(l.open_stage, '') = '" + s[1] + "')::int");
		}
		for (String[] s : open) {
			EXPRESSIONS.put("open_since_" + s[0],
					"case when l.open_stage = '" + s[1] + "' then extract(epoch from l.open_since) else 0 end");
		}
	}

	private CohortMeasures() {
	}

	/** {@code expr as column, ...} for a select over facts. */
	static String selectList() {
		return EXPRESSIONS.entrySet().stream().map(e -> e.getValue() + " as " + e.getKey())
			.collect(Collectors.joining(", "));
	}

	/** {@code sum(expr), ...} over facts, in column order. */
	public static String sumsOverFacts() {
		return EXPRESSIONS.values().stream().map(e -> "sum(" + e + ")").collect(Collectors.joining(", "));
	}

	/** {@code sum(column), ...} over the rollup, in column order. */
	public static String sumsOverRollup() {
		return EXPRESSIONS.keySet().stream().map(c -> "sum(" + c + ")").collect(Collectors.joining(", "));
	}
}
