package com.leadflow.analytics.attribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.analytics.funnel.CohortFilter;
import com.leadflow.campaigns.CampaignCatalog;
import com.leadflow.campaigns.CampaignSeries;

/**
 * Attribution and cost per series and channel for the leads created in a period: new leads, MQLs, SQLs, won deals and
 * revenue, credited to the lead's first touch or to its last touch before it became SQL. Cost is the channel's cost
 * as entered in the series (campaigns), not pro-rated to the period.
 */
@Service
public class AttributionReport {

	public record Row(Long seriesId, String seriesName, String channel, long newLeads, BigDecimal cost,
			BigDecimal costPerLead, long mqls, long sqls, BigDecimal costPerSql, long won, BigDecimal wonRevenue) {
	}

	public record Attribution(CohortFilter.AttributionModel model, String from, String to, List<Row> rows) {
	}

	private final JdbcClient jdbc;

	private final CampaignCatalog catalog;

	AttributionReport(JdbcClient jdbc, CampaignCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@Transactional
	public Attribution of(CohortFilter f) {
		Map<Long, CampaignSeries> series = new HashMap<>();
		catalog.all().forEach(s -> series.put(s.id(), s));
		List<Row> rows = jdbc.sql("""
				select series_id, channel, sum(leads), sum(mqls), sum(sqls), sum(won), sum(won_revenue)
				from analytics_cohort_rollup
				where model = :model and created_day between :from and :to
				  and (cast(:series as bigint) is null or series_id = :series)
				  and (cast(:channel as text) is null or channel = :channel)
				group by series_id, channel having sum(leads) <> 0
				order by sum(leads) desc, series_id, channel collate "C"
				""")
			.param("model", f.model().name()).param("from", Date.valueOf(f.from())).param("to", Date.valueOf(f.to()))
			.param("series", f.seriesId()).param("channel", f.channel())
			.query((rs, i) -> {
				Long seriesId = rs.getObject(1) == null ? null : rs.getLong(1);
				String channel = rs.getString(2);
				Optional<CampaignSeries> s = Optional.ofNullable(seriesId == null ? null : series.get(seriesId));
				BigDecimal cost = s.map(x -> cost(x, channel)).orElse(null);
				long leads = rs.getLong(3), sqls = rs.getLong(5);
				return new Row(seriesId, s.map(CampaignSeries::name).orElse(null), channel, leads, cost,
						per(cost, leads), rs.getLong(4), sqls, per(cost, sqls), rs.getLong(6),
						rs.getBigDecimal(7).setScale(2, RoundingMode.HALF_UP));
			}).list();
		return new Attribution(f.model(), f.from().toString(), f.to().toString(), rows);
	}

	private static BigDecimal cost(CampaignSeries series, String channel) {
		return series.channels().stream().filter(c -> c.channel().name().equals(channel)).map(c -> c.cost())
			.filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal per(BigDecimal cost, long count) {
		return cost == null || count == 0 ? null : cost.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
	}
}
