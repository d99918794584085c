package com.leadflow.analytics.visibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.analytics.standards.AnalyticsProperties;
import com.leadflow.analytics.visibility.VisibilityReport.SegmentVisibility;

/**
 * Daily snapshots of visibility per segment and of leads per band, taken by a scheduled job (any node; a second
 * take of the same day overwrites it), and the trends read from them — today's point is always the live value.
 */
@Service
public class Snapshots {

	public record VisibilityPoint(LocalDate date, long marketSize, long completeLeads, long leads, BigDecimal visibility) {
	}

	private final JdbcClient jdbc;

	private final VisibilityReport visibility;

	private final CollectionReport collection;

	private final ZoneId zone;

	private final Clock clock = Clock.systemUTC();

	Snapshots(JdbcClient jdbc, VisibilityReport visibility, CollectionReport collection, AnalyticsProperties properties) {
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.collection = collection;
		this.zone = properties.zone();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	@Scheduled(cron = "${leadflow.analytics.snapshot-cron:0 55 23 * * *}", zone = "${leadflow.analytics.zone:Asia/Shanghai}")
	void daily() {
		take(today());
	}

	/** Stores the state of now as the snapshot of {@code day}. */
	@Transactional
	public LocalDate take(LocalDate day) {
		for (SegmentVisibility s : visibility.current().segments()) {
			jdbc.sql("""
					insert into analytics_visibility_snapshot (day, industry, region, size_band, market_size, complete_leads, leads)
					values (?, ?, ?, ?, ?, ?, ?) on conflict (day, industry, region, size_band) do update set
					    market_size = excluded.market_size, complete_leads = excluded.complete_leads, leads = excluded.leads""")
				.params(Date.valueOf(day), MarketSizes.key(s.industry()), MarketSizes.key(s.region()),
						MarketSizes.key(s.sizeBand()), s.marketSize(), s.completeLeads(), s.leads()).update();
		}
		collection.bandsNow().forEach((band, leads) -> jdbc.sql("""
				insert into analytics_band_snapshot (day, band, leads) values (?, ?, ?)
				on conflict (day, band) do update set leads = excluded.leads""").params(Date.valueOf(day), band, leads)
			.update());
		return day;
	}

	/** Leads per band for each of the last {@code days} days that has a snapshot, and today. */
	public List<Map<String, Object>> bandTrend(int days) {
		LocalDate today = today();
		Map<LocalDate, Map<String, Object>> byDay = new TreeMap<>();
		jdbc.sql("select day, band, leads from analytics_band_snapshot where day > ? and day < ? order by day")
			.params(Date.valueOf(today.minusDays(days)), Date.valueOf(today)).query(rs -> {
				LocalDate day = rs.getDate(1).toLocalDate();
				point(byDay, day).put(rs.getString(2), rs.getLong(3));
			});
		Map<String, Object> now = point(byDay, today);
		collection.bandsNow().forEach(now::put);
		return new ArrayList<>(byDay.values());
	}

	/** Visibility of one segment for each of the last {@code days} days that has a snapshot, and today. */
	public List<VisibilityPoint> visibilityTrend(int days, String industry, String region, String sizeBand) {
		LocalDate today = today();
		String i = MarketSizes.key(industry), r = MarketSizes.key(region), s = MarketSizes.key(sizeBand);
		List<VisibilityPoint> points = new ArrayList<>(jdbc.sql("""
				select day, market_size, complete_leads, leads from analytics_visibility_snapshot
				where industry = ? and region = ? and size_band = ? and day > ? and day < ? order by day""")
			.params(i, r, s, Date.valueOf(today.minusDays(days)), Date.valueOf(today))
			.query((rs, n) -> point(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list());
		visibility.current().segments().stream()
			.filter(v -> MarketSizes.key(v.industry()).equals(i) && MarketSizes.key(v.region()).equals(r)
					&& MarketSizes.key(v.sizeBand()).equals(s))
			.findFirst().ifPresent(v -> points.add(point(today, v.marketSize(), v.completeLeads(), v.leads())));
		return points;
	}

	private static Map<String, Object> point(Map<LocalDate, Map<String, Object>> byDay, LocalDate day) {
		return byDay.computeIfAbsent(day, d -> {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("date", d.toString());
			p.put("COOL", 0L);
			p.put("WARM", 0L);
			p.put("HOT", 0L);
			return p;
		});
	}

	private static VisibilityPoint point(LocalDate day, long market, long complete, long leads) {
		return new VisibilityPoint(day, market, complete, leads,
				BigDecimal.valueOf(complete).divide(BigDecimal.valueOf(market), 4, RoundingMode.HALF_UP));
	}
}
