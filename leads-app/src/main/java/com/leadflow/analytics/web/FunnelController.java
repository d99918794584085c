package com.leadflow.analytics.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.analytics.attribution.AttributionReport;
import com.leadflow.analytics.funnel.CohortFilter;
import com.leadflow.analytics.funnel.CohortFilter.AttributionModel;
import com.leadflow.analytics.funnel.ConversionReport;
import com.leadflow.analytics.funnel.FunnelReport;
import com.leadflow.analytics.standards.StandardsStore;
import com.leadflow.analytics.support.Problems;
import com.leadflow.analytics.visibility.Snapshots;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Cohort reports over leads created in a period (from/to: ISO dates, inclusive, default the last 30 days): funnel,
 * leaks, attribution and cost, new vs long-nurtured conversion.
 */
@RestController
@RequestMapping("/api/analytics")
@Tag(name = "Analytics: funnel", description = "Funnel, leaks, attribution and cost, new vs long-nurtured conversion "
		+ "of the leads created in a period. CSV with ?format=csv or Accept: text/csv.")
class FunnelController {

	private final FunnelReport funnel;

	private final AttributionReport attribution;

	private final ConversionReport conversion;

	private final StandardsStore standards;

	private final Snapshots snapshots;

	FunnelController(FunnelReport funnel, AttributionReport attribution, ConversionReport conversion,
			StandardsStore standards, Snapshots snapshots) {
		this.funnel = funnel;
		this.attribution = attribution;
		this.conversion = conversion;
		this.standards = standards;
		this.snapshots = snapshots;
	}

	@GetMapping("/funnel")
	@Operation(summary = "Lead → MQL → SQL → opportunity → won for the leads created in the period: counts, conversion "
			+ "to the next stage, average days in stage, and the leaks; series/channel by first touch unless model says")
	ResponseEntity<Object> funnel(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long seriesId, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String industry, @RequestParam(required = false) String region,
			@RequestParam(required = false) String owner, @RequestParam(required = false) AttributionModel model,
			@RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		var report = funnel.of(filter(from, to, seriesId, channel, industry, region, owner, model), Instant.now());
		return CsvExport.respond(format, accept, report, "funnel",
				List.of("stage", "count", "conversionToNext", "avgDaysInStage"), report.stages().stream()
					.map(s -> java.util.Arrays.<Object>asList(s.stage().name(), s.count(), s.conversionToNext(),
							s.avgDaysInStage()))
					.toList());
	}

	@GetMapping("/funnel/leaks")
	@Operation(summary = "Leaks of the cohort: leads never MQL, MQLs no sales touch followed, lost deals never "
			+ "touched again")
	ResponseEntity<Object> leaks(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long seriesId, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String industry, @RequestParam(required = false) String region,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		var l = funnel.of(filter(from, to, seriesId, channel, industry, region, owner, null), Instant.now()).leaks();
		return CsvExport.respond(format, accept, l, "leaks", List.of("leak", "count", "of", "share"), List.of(
				java.util.Arrays.asList("leadsNeverMql", l.leadsNeverMql(), l.leads(), l.leadsNeverMqlShare()),
				java.util.Arrays.asList("mqlsWithoutSalesTouch", l.mqlsWithoutSalesTouch(), l.mqls(),
						l.mqlsWithoutSalesTouchShare()),
				java.util.Arrays.asList("lostNeverReengaged", l.lostNeverReengaged(), l.lostDeals(),
						l.lostNeverReengagedShare())));
	}

	@GetMapping("/attribution")
	@Operation(summary = "Per series and channel, for the leads created in the period: new leads, cost, cost per lead, "
			+ "MQLs, SQLs, cost per SQL, won deals and revenue; FIRST_TOUCH (default) or LAST_TOUCH before SQL")
	ResponseEntity<Object> attribution(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) AttributionModel model, @RequestParam(required = false) Long seriesId,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		var report = attribution.of(filter(from, to, seriesId, channel, null, null, null, model));
		return CsvExport.respond(format, accept, report, "attribution",
				List.of("seriesId", "seriesName", "channel", "newLeads", "cost", "costPerLead", "mqls", "sqls",
						"costPerSql", "won", "wonRevenue"),
				report.rows().stream().map(r -> java.util.Arrays.<Object>asList(r.seriesId(), r.seriesName(),
						r.channel(), r.newLeads(), r.cost(), r.costPerLead(), r.mqls(), r.sqls(), r.costPerSql(),
						r.won(), r.wonRevenue())).toList());
	}

	@GetMapping("/conversion")
	@Operation(summary = "SQL conversion in the period of leads created in it vs leads older than olderThanDays "
			+ "(default from the standards) that were nurtured or recycled")
	ResponseEntity<Object> conversion(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "age in days from which a nurtured lead is long-nurtured") @RequestParam(required = false) Integer olderThanDays,
			@RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		CohortFilter f = filter(from, to, null, null, null, null, null, null);
		int days = olderThanDays == null ? standards.current().longNurturedAfterDays() : olderThanDays;
		if (days < 1 || days > 3650) {
			throw Problems.invalid("olderThanDays", "must be between 1 and 3650");
		}
		var c = conversion.of(f.from(), f.to(), days);
		return CsvExport.respond(format, accept, c, "conversion", List.of("cohort", "leads", "sqls", "sqlConversion"),
				List.of(java.util.Arrays.asList("newLeads", c.newLeads().leads(), c.newLeads().sqls(),
						c.newLeads().sqlConversion()),
						java.util.Arrays.asList("longNurtured", c.longNurtured().leads(), c.longNurtured().sqls(),
								c.longNurtured().sqlConversion())));
	}

	private CohortFilter filter(LocalDate from, LocalDate to, Long seriesId, String channel, String industry,
			String region, String owner, AttributionModel model) {
		return Periods.filter(from, to, snapshots.today(), seriesId, channel, industry, region, owner, model);
	}
}
