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

	/** Leads of one exact segment by present-fields mask. */
	record Cell(String industry, String region, String sizeBand, int presentMask, long leads) {
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
		List<Cell> cells = jdbc.sql("""
				select industry, region, size_band, present_mask, leads from analytics_segment_rollup where leads <> 0""")
			.query((rs, i) -> new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5)))
			.list();
		List<SegmentVisibility> out = new ArrayList<>();
		for (Segment segment : marketSizes.all()) {
			long leads = 0;
			long complete = 0;
			Map<String, Long> missing = new LinkedHashMap<>();
			for (Cell c : cells) {
				if (!segment.matches(c.industry(), c.region(), c.sizeBand())) {
					continue;
				}
				leads += c.leads();
				if (Requirement.allMet(required, c.presentMask())) {
					complete += c.leads();
				}
				for (Requirement r : required) {
					if (!r.metBy(c.presentMask())) {
						missing.merge(r.name(), c.leads(), Long::sum);
					}
				}
			}
			out.add(of(segment, leads, complete, missing, std.target()));
		}
		return new VisibilityMap(std.target(), std.completeness(), out);
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
