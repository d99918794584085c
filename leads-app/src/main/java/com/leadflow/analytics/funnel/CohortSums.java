package com.leadflow.analytics.funnel;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.leadflow.analytics.readmodel.CohortMeasures;
import com.leadflow.analytics.readmodel.FactBuilder;

/**
 * Sums the cohort measures of the leads a filter selects: from the cohort rollup when it can (period, series,
 * channel), else from the facts with the same expressions (industry, region, owner use indexes).
 */
@Component
class CohortSums {

	private final JdbcTemplate jdbc;

	CohortSums(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, BigDecimal> of(CohortFilter f) {
		List<Object> params = new ArrayList<>();
		params.add(Date.valueOf(f.from()));
		params.add(Date.valueOf(f.to()));
		StringBuilder sql = new StringBuilder();
		boolean first = f.model() == CohortFilter.AttributionModel.FIRST_TOUCH;
		if (f.rollupCovers()) {
			sql.append("select ").append(CohortMeasures.sumsOverRollup())
				.append(" from analytics_cohort_rollup where model = ? and created_day between ? and ?");
			params.addFirst(f.model().name());
			condition(sql, params, "series_id", f.seriesId());
			condition(sql, params, "channel", f.channel());
		}
		else {
			sql.append("select ").append(CohortMeasures.sumsOverFacts())
				.append(" from analytics_lead l where l.created_day between ? and ?");
			condition(sql, params, first ? "l.first_series_id" : "l.last_series_id", f.seriesId());
			condition(sql, params, first ? "l.first_channel" : "l.last_channel", f.channel());
			condition(sql, params, "l.industry", f.industry() == null ? null : FactBuilder.key(f.industry()));
			condition(sql, params, "l.region", f.region() == null ? null : FactBuilder.key(f.region()));
			condition(sql, params, "l.owner", f.owner());
		}
		return jdbc.query(sql.toString(), rs -> {
			rs.next();
			Map<String, BigDecimal> sums = new LinkedHashMap<>();
			int i = 1;
			for (String column : CohortMeasures.EXPRESSIONS.keySet()) {
				BigDecimal v = rs.getBigDecimal(i++);
				sums.put(column, v == null ? BigDecimal.ZERO : v);
			}
			return sums;
		}, params.toArray());
	}

	private static void condition(StringBuilder sql, List<Object> params, String column, Object value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" = ?");
			params.add(value);
		}
	}
}
