package com.leadflow.campaigns.attribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.campaigns.CampaignSeries;
import com.leadflow.campaigns.CampaignSeries.ChannelCost;
import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.series.SeriesCatalog;
import com.leadflow.core.LeadPool;
import com.leadflow.core.SeriesTouches;

/**
 * Leads created and touched per series and channel, and what each new lead cost (channel cost / leads created), by
 * the lead each touch arrived on: touches and leads touched are counted from the pool's timeline, leads created from
 * the arrivals campaigns recorded as creating their lead ({@link CampaignTouches}).
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

	private static final Set<String> CHANNELS = Arrays.stream(Channel.values()).map(Channel::name)
		.collect(Collectors.toUnmodifiableSet());

	private final JdbcClient jdbc;

	private final SeriesCatalog catalog;

	private final LeadPool pool;

	Attribution(JdbcClient jdbc, SeriesCatalog catalog, LeadPool pool) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.pool = pool;
	}

	@Transactional(readOnly = true)
	public SeriesFigures of(long seriesId) {
		CampaignSeries series = catalog.get(seriesId);
		Map<String, Long> created = new HashMap<>(); // channel → leads created; null → all channels
		jdbc.sql("""
				select channel, count(distinct lead_id), grouping(channel) = 1 from campaign_touch
				where series_id = ? and lead_created group by grouping sets ((channel), ())""")
			.param(seriesId)
			.query((ResultSet rs) -> {
				created.put(rs.getBoolean(3) ? null : rs.getString(1), rs.getLong(2));
			});
		SeriesTouches touched = pool.seriesTouches(seriesId);
		Map<String, Counts> byChannel = new LinkedHashMap<>();
		touched.channels().stream()
			.filter(c -> CHANNELS.contains(c.channel())) // touches given to the pool's own API may name other ones
			.forEach(c -> byChannel.put(c.channel(),
					new Counts(created.getOrDefault(c.channel(), 0L), c.leads(), c.touches())));
		Counts total = new Counts(created.getOrDefault(null, 0L), touched.leads(), touched.touches());
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
