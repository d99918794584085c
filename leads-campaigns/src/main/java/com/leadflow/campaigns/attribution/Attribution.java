package com.leadflow.campaigns.attribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.campaigns.CampaignSeries;
import com.leadflow.campaigns.CampaignSeries.ChannelCost;
import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.series.SeriesCatalog;

/**
 * Leads created and touched per series and channel, and what each new lead cost (channel cost / leads created).
 * Counted from the touches campaigns brought in (ingestion API and imports), by the lead id at arrival.
 */
@Service
public class Attribution {

	/** One channel of a series. {@code costPerNewLead} is null while the channel created no lead. */
	public record ChannelFigures(Channel channel, BigDecimal cost, long leadsCreated, long leadsTouched, long touches,
			BigDecimal costPerNewLead) {
	}

	/** A series: its channels and totals. */
	public record SeriesFigures(long seriesId, String name, BigDecimal cost, long leadsCreated, long leadsTouched,
			long touches, BigDecimal costPerNewLead, List<ChannelFigures> channels) {
	}

	private record Counts(long created, long touched, long touches) {
	}

	private final JdbcClient jdbc;

	private final SeriesCatalog catalog;

	Attribution(JdbcClient jdbc, SeriesCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@Transactional(readOnly = true)
	public SeriesFigures of(long seriesId) {
		CampaignSeries series = catalog.get(seriesId);
		Map<String, Counts> byChannel = new LinkedHashMap<>();
		jdbc.sql("""
				select channel, count(distinct lead_id) filter (where lead_created), count(distinct lead_id), count(*)
				from campaign_touch where series_id = ? group by channel order by channel""")
			.param(seriesId)
			.query((rs, i) -> byChannel.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
			.list();
		Counts total = jdbc.sql("""
				select count(distinct lead_id) filter (where lead_created), count(distinct lead_id), count(*)
				from campaign_touch where series_id = ?""")
			.param(seriesId).query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
		Map<Channel, BigDecimal> costs = new LinkedHashMap<>();
		series.channels().forEach(c -> costs.put(c.channel(), c.cost()));
		byChannel.keySet().forEach(c -> costs.putIfAbsent(Channel.valueOf(c), BigDecimal.ZERO));
		List<ChannelFigures> channels = new ArrayList<>();
		costs.forEach((channel, cost) -> {
			Counts counts = byChannel.getOrDefault(channel.name(), new Counts(0, 0, 0));
			channels.add(new ChannelFigures(channel, cost, counts.created(), counts.touched(), counts.touches(),
					perLead(cost, counts.created())));
		});
		BigDecimal cost = series.channels().stream().map(ChannelCost::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new SeriesFigures(series.id(), series.name(), cost, total.created(), total.touched(), total.touches(),
				perLead(cost, total.created()), channels);
	}

	@Transactional
	public List<SeriesFigures> all() {
		return catalog.all().stream().map(s -> of(s.id())).toList();
	}

	private static BigDecimal perLead(BigDecimal cost, long created) {
		return created == 0 ? null : cost.divide(BigDecimal.valueOf(created), 2, RoundingMode.HALF_UP);
	}
}
