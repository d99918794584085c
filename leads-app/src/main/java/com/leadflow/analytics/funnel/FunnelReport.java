package com.leadflow.analytics.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.analytics.readmodel.FactBuilder.FunnelStage;

/**
 * The funnel of a cohort (leads created in the period): how many reached each stage (reaching a later stage counts
 * for the earlier ones), conversion to the next stage, average days spent in each stage (closed periods, and the
 * open one up to now), and the leaks: MQLs no sales touch ever followed, lost deals never touched again.
 */
@Service
public class FunnelReport {

	public record Stage(FunnelStage stage, long count, BigDecimal conversionToNext, BigDecimal avgDaysInStage) {
	}

	public record Leaks(long leads, long leadsNeverMql, BigDecimal leadsNeverMqlShare, long mqls,
			long mqlsWithoutSalesTouch, BigDecimal mqlsWithoutSalesTouchShare, long lostDeals, long lostNeverReengaged,
			BigDecimal lostNeverReengagedShare) {
	}

	public record Funnel(CohortFilter filter, List<Stage> stages, Leaks leaks) {
	}

	private static final String[] COUNT = { "leads", "mqls", "sqls", "opps", "won" };

	private static final String[] TIME = { "lead", "mql", "sql", "opp" };

	private final CohortSums sums;

	FunnelReport(CohortSums sums) {
		this.sums = sums;
	}

	@Transactional(readOnly = true)
	public Funnel of(CohortFilter filter, Instant now) {
		Map<String, BigDecimal> s = sums.of(filter);
		BigDecimal nowEpoch = BigDecimal.valueOf(now.toEpochMilli(), 3);
		List<Stage> stages = new ArrayList<>();
		for (FunnelStage stage : FunnelStage.values()) {
			int i = stage.ordinal();
			long count = s.get(COUNT[i]).longValue();
			BigDecimal conversion = i + 1 < COUNT.length ? ratio(s.get(COUNT[i + 1]).longValue(), count) : null;
			BigDecimal days = null;
			if (i < TIME.length && s.get("in_" + TIME[i]).signum() > 0) {
				BigDecimal secs = s.get("secs_" + TIME[i]).add(s.get("open_" + TIME[i]).multiply(nowEpoch))
					.subtract(s.get("open_since_" + TIME[i]));
				days = secs.divide(s.get("in_" + TIME[i]).multiply(BigDecimal.valueOf(86_400)), 2, RoundingMode.HALF_UP);
			}
			stages.add(new Stage(stage, count, conversion, days));
		}
		long leads = s.get("leads").longValue(), mqls = s.get("mqls").longValue(), lost = s.get("lost").longValue();
		long noSales = s.get("mql_no_sales_touch").longValue(), notReengaged = s.get("lost_not_reengaged").longValue();
		Leaks leaks = new Leaks(leads, leads - mqls, ratio(leads - mqls, leads), mqls, noSales, ratio(noSales, mqls), lost,
				notReengaged, ratio(notReengaged, lost));
		return new Funnel(filter, stages, leaks);
	}

	static BigDecimal ratio(long part, long whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}
}
