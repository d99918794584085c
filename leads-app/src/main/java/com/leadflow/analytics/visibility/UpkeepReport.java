package com.leadflow.analytics.visibility;

import java.sql.Date;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.analytics.standards.AnalyticsProperties;
import com.leadflow.analytics.visibility.MarketSizes.Segment;

/**
 * Data upkeep: leads to re-verify or purge per segment — e-mail bounced (the last e-mail event was a bounce), number
 * out of service (the last call with an outcome said so), no touch for N months (none since the start of the day N
 * months ago, business zone) — and how many leads have any flag. Whole months come from the upkeep rollup; the month
 * the cutoff falls in is counted by day from the facts.
 */
@Service
public class UpkeepReport {

	public record SegmentUpkeep(String industry, String region, String sizeBand, long leads, long bouncedEmail,
			long numberOutOfService, long noTouch, long flagged) {
	}

	public record Upkeep(int staleAfterMonths, Instant noTouchSince, List<SegmentUpkeep> segments) {
	}

	record Cell(String industry, String region, String sizeBand, boolean bounced, boolean dead, boolean stale,
			long leads) {
	}

	private final JdbcClient jdbc;

	private final MarketSizes marketSizes;

	private final ZoneId zone;

	UpkeepReport(JdbcClient jdbc, MarketSizes marketSizes, AnalyticsProperties properties) {
		this.jdbc = jdbc;
		this.marketSizes = marketSizes;
		this.zone = properties.zone();
	}

	@Transactional(readOnly = true)
	public Upkeep current(int staleAfterMonths, Instant now) {
		ZonedDateTime cutoff = now.atZone(zone).minusMonths(staleAfterMonths).toLocalDate().atStartOfDay(zone);
		int cutoffMonth = cutoff.getYear() * 100 + cutoff.getMonthValue();
		List<Cell> cells = new ArrayList<>(jdbc.sql("""
				select industry, region, size_band, email_bounced, phone_dead, stale, sum(leads) from (
				    select industry, region, size_band, email_bounced, phone_dead, last_touch_month < ? as stale, leads
				    from analytics_upkeep_rollup where leads <> 0) r
				group by industry, region, size_band, email_bounced, phone_dead, stale""")
			.params(cutoffMonth).query(UpkeepReport::cell).list());
		// the cutoff's own month: leads last touched in it before the cutoff's day are stale too
		List<Cell> boundary = jdbc.sql("""
				select industry, region, size_band, email_bounced, phone_dead, true, count(*) from analytics_lead
				where last_touch_month = ? and last_touch_day < ?
				group by industry, region, size_band, email_bounced, phone_dead""")
			.params(cutoffMonth, Date.valueOf(cutoff.toLocalDate()))
			.query(UpkeepReport::cell)
			.list();

		List<SegmentUpkeep> out = new ArrayList<>();
		Segment everything = new Segment(MarketSizes.ALL, MarketSizes.ALL, MarketSizes.ALL, null, null, null, 1);
		List<Segment> segments = new ArrayList<>(List.of(everything));
		marketSizes.all().stream().filter(s -> !s.equals(everything) && !(MarketSizes.ALL.equals(s.industry())
				&& MarketSizes.ALL.equals(s.region()) && MarketSizes.ALL.equals(s.sizeBand()))).forEach(segments::add);
		Map<String, long[]> totals = new HashMap<>(); // leads, bounced, dead, stale, flagged
		for (Cell c : cells) {
			for (String key : MarketSizes.keysOf(c.industry(), c.region(), c.sizeBand())) {
				long[] t = totals.computeIfAbsent(key, k -> new long[5]);
				t[0] += c.leads();
				t[1] += c.bounced() ? c.leads() : 0;
				t[2] += c.dead() ? c.leads() : 0;
				t[3] += c.stale() ? c.leads() : 0;
				t[4] += c.bounced() || c.dead() || c.stale() ? c.leads() : 0;
			}
		}
		for (Cell c : boundary) {
			for (String key : MarketSizes.keysOf(c.industry(), c.region(), c.sizeBand())) {
				long[] t = totals.computeIfAbsent(key, k -> new long[5]);
				t[3] += c.leads();
				t[4] += c.bounced() || c.dead() ? 0 : c.leads(); // flagged already when bounced or dead
			}
		}
		for (Segment s : segments) {
			long[] t = totals.getOrDefault(s.key(), new long[5]);
			out.add(new SegmentUpkeep(s.industryLabel(), s.regionLabel(), s.sizeBandLabel(), t[0], t[1], t[2], t[3], t[4]));
		}
		return new Upkeep(staleAfterMonths, cutoff.toInstant(), out);
	}

	private static Cell cell(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
				rs.getBoolean(6), rs.getLong(7));
	}
}
