package com.leadflow.analytics.visibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.analytics.standards.Requirement;
import com.leadflow.analytics.standards.Standards;
import com.leadflow.analytics.standards.StandardsStore;
import com.leadflow.analytics.visibility.MarketSizes.Segment;

/**
 * Market visibility per segment: leads with a complete profile (by the completeness standard) ÷ the segment's market
 * size, against the target, with the gap and the fields most often missing. Read from the segment rollup: leads by
 * segment and by which fields they have, so a changed standard applies at once without recomputing any lead.
 */
@Service
public class VisibilityReport {

	public enum Status {
		BELOW, NEAR, ON_TARGET
	}

	/** How many leads lack a requirement ({@code MOBILE|EMAIL}: neither). */
	public record MissingField(String field, long count) {
	}

	public record SegmentVisibility(String industry, String region, String sizeBand, long marketSize,
			long completeLeads, long leads, BigDecimal visibility, long gap, Status status,
			List<MissingField> missingFields) {
	}

	public record VisibilityMap(double target, List<String> completeness, List<SegmentVisibility> segments) {
	}

	/** Leads of one exact segment: all, complete, and missing each requirement (in the standard's order). */
	record Cell(String industry, String region, String sizeBand, long leads, long complete, long[] missing) {
	}

	private final JdbcClient jdbc;

	private final MarketSizes marketSizes;

	private final StandardsStore standards;

	private final double nearMargin;

	VisibilityReport(JdbcClient jdbc, MarketSizes marketSizes, StandardsStore standards,
			com.leadflow.analytics.standards.AnalyticsProperties properties) {
		this.jdbc = jdbc;
		this.marketSizes = marketSizes;
		this.standards = standards;
		this.nearMargin = properties.nearMargin();
	}

	@Transactional(readOnly = true)
	public VisibilityMap current() {
		Standards std = standards.current();
		List<Requirement> required = std.completenessRequirements();
		List<Cell> cells = cells(jdbc, "analytics_segment_rollup", "industry, region, size_band", required);
		Map<String, long[]> totals = new java.util.HashMap<>(); // leads, complete, missing per requirement
		for (Cell c : cells) {
			for (String key : MarketSizes.keysOf(c.industry(), c.region(), c.sizeBand())) {
				long[] t = totals.computeIfAbsent(key, k -> new long[2 + required.size()]);
				t[0] += c.leads();
				t[1] += c.complete();
				for (int i = 0; i < required.size(); i++) {
					t[2 + i] += c.missing()[i];
				}
			}
		}
		List<SegmentVisibility> out = new ArrayList<>();
		for (Segment segment : marketSizes.all()) {
			long[] t = totals.getOrDefault(segment.key(), new long[2 + required.size()]);
			long leads = t[0];
			long complete = t[1];
			long[] missing = java.util.Arrays.copyOfRange(t, 2, t.length);
			Map<String, Long> fields = new LinkedHashMap<>();
			for (int i = 0; i < missing.length; i++) {
				if (missing[i] > 0) {
					fields.put(required.get(i).name(), missing[i]);
				}
			}
			out.add(of(segment, leads, complete, fields, std.target()));
		}
		return new VisibilityMap(std.target(), std.completeness(), out);
	}

	/**
	 * Sums a rollup with a {@code present_mask} column by {@code groupBy}: leads, complete leads and leads missing each
	 * requirement, computed in the database (the masks are numbers parsed from the standard, never user text).
	 */
	static List<Cell> cells(JdbcClient jdbc, String rollup, String groupBy, List<Requirement> required) {
		StringBuilder sql = new StringBuilder("select ").append(groupBy).append(", sum(leads), coalesce(sum(leads) filter (where true");
		for (Requirement r : required) {
			sql.append(" and present_mask & ").append(r.mask()).append(" <> 0");
		}
		sql.append("), 0)");
		for (Requirement r : required) {
			sql.append(", coalesce(sum(leads) filter (where present_mask & ").append(r.mask()).append(" = 0), 0)");
		}
		sql.append(" from ").append(rollup).append(" where leads <> 0 group by ").append(groupBy);
		int keys = groupBy.split(",").length;
		return jdbc.sql(sql.toString()).query((rs, i) -> {
			long[] missing = new long[required.size()];
			for (int m = 0; m < missing.length; m++) {
				missing[m] = rs.getLong(keys + 3 + m);
			}
			return new Cell(rs.getString(1), keys > 1 ? rs.getString(2) : null, keys > 2 ? rs.getString(3) : null,
					rs.getLong(keys + 1), rs.getLong(keys + 2), missing);
		}).list();
	}

	SegmentVisibility of(Segment s, long leads, long complete, Map<String, Long> missing, double target) {
		BigDecimal visibility = BigDecimal.valueOf(complete).divide(BigDecimal.valueOf(s.marketSize()), 4,
				RoundingMode.HALF_UP);
		long needed = BigDecimal.valueOf(target).multiply(BigDecimal.valueOf(s.marketSize()))
			.setScale(0, RoundingMode.CEILING).longValueExact();
		Status status = complete >= needed ? Status.ON_TARGET
				: (double) complete / s.marketSize() >= target - nearMargin ? Status.NEAR : Status.BELOW;
		List<MissingField> fields = missing.entrySet().stream().map(e -> new MissingField(e.getKey(), e.getValue()))
			.sorted(Comparator.comparingLong(MissingField::count).reversed()).toList();
		return new SegmentVisibility(s.industryLabel(), s.regionLabel(), s.sizeBandLabel(), s.marketSize(), complete,
				leads, visibility, Math.max(0, needed - complete), status, fields);
	}
}
