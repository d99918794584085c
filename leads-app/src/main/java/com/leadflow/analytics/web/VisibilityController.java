package com.leadflow.analytics.web;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.leadflow.analytics.standards.Standards;
import com.leadflow.analytics.standards.StandardsStore;
import com.leadflow.analytics.support.Problems;
import com.leadflow.analytics.visibility.CollectionReport;
import com.leadflow.analytics.visibility.CollectionReport.StageCompliance;
import com.leadflow.analytics.visibility.MarketSize;
import com.leadflow.analytics.visibility.MarketSizes;
import com.leadflow.analytics.visibility.Snapshots;
import com.leadflow.analytics.visibility.UpkeepReport;
import com.leadflow.analytics.visibility.VisibilityReport;
import com.leadflow.analytics.visibility.VisibilityReport.MissingField;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Market visibility, market sizes, standards, collection compliance, data upkeep, snapshots and trends. */
@RestController
@RequestMapping("/api/analytics")
@Tag(name = "Analytics: visibility", description = "Market visibility per segment, market sizes, standards, upkeep "
		+ "and trends. Reports answer CSV with ?format=csv or Accept: text/csv.")
class VisibilityController {

	private final VisibilityReport visibility;

	private final MarketSizes marketSizes;

	private final StandardsStore standards;

	private final CollectionReport collection;

	private final UpkeepReport upkeep;

	private final Snapshots snapshots;

	VisibilityController(VisibilityReport visibility, MarketSizes marketSizes, StandardsStore standards,
			CollectionReport collection, UpkeepReport upkeep, Snapshots snapshots) {
		this.visibility = visibility;
		this.marketSizes = marketSizes;
		this.standards = standards;
		this.collection = collection;
		this.upkeep = upkeep;
		this.snapshots = snapshots;
	}

	@GetMapping("/visibility")
	@Operation(summary = "The visibility map: per segment with a market size, complete leads ÷ market size, the gap "
			+ "to the target, status BELOW / NEAR / ON_TARGET and the most-missing fields (null dimension = all)")
	ResponseEntity<Object> visibility(@RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		var map = visibility.current();
		List<List<Object>> rows = new ArrayList<>();
		map.segments().forEach(s -> rows.add(List.of(all(s.industry()), all(s.region()), all(s.sizeBand()),
				s.marketSize(), s.completeLeads(), s.leads(), s.visibility(), s.gap(), s.status().name(),
				String.join("; ", s.missingFields().stream().map(m -> m.field() + " " + m.count()).toList()))));
		return CsvExport.respond(format, accept, map, "visibility", List.of("industry", "region", "sizeBand",
				"marketSize", "completeLeads", "leads", "visibility", "gap", "status", "missingFields"), rows);
	}

	@GetMapping("/visibility/trend")
	@Operation(summary = "Visibility of one segment per day (daily snapshots, today live)")
	ResponseEntity<Object> visibilityTrend(@RequestParam(required = false) Integer days,
			@RequestParam(required = false) String industry, @RequestParam(required = false) String region,
			@RequestParam(required = false) String sizeBand, @RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		var points = snapshots.visibilityTrend(Periods.days(days, 3660), industry, region, sizeBand);
		return CsvExport.respond(format, accept, Map.of("days", points), "visibility-trend",
				List.of("date", "marketSize", "completeLeads", "leads", "visibility"),
				points.stream().map(p -> List.<Object>of(p.date().toString(), p.marketSize(), p.completeLeads(),
						p.leads(), p.visibility())).toList());
	}

	@GetMapping("/bands/trend")
	@Operation(summary = "Leads per band (COOL / WARM / HOT) per day (daily snapshots, today live)")
	ResponseEntity<Object> bandTrend(@RequestParam(required = false) Integer days,
			@RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		var points = snapshots.bandTrend(Periods.days(days, 3660));
		return CsvExport.respond(format, accept, Map.of("days", points), "band-trend",
				List.of("date", "COOL", "WARM", "HOT"), points.stream()
					.map(p -> List.of(p.get("date"), p.get("COOL"), p.get("WARM"), p.get("HOT"))).toList());
	}

	@PostMapping("/snapshots")
	@Operation(summary = "Take today's visibility and band snapshot now (the daily job does it every evening)")
	Map<String, Object> snapshot() {
		return Map.of("date", snapshots.take(snapshots.today()).toString());
	}

	@GetMapping("/market-sizes")
	@Operation(summary = "The market size of every segment (null dimension = all)")
	List<MarketSize> marketSizes() {
		return marketSizes.all().stream()
			.map(s -> new MarketSize(s.industryLabel(), s.regionLabel(), s.sizeBandLabel(), s.marketSize())).toList();
	}

	@PutMapping("/market-sizes")
	@Operation(summary = "Replace every market size with this list ({industry, region, sizeBand, marketSize}; "
			+ "null, \"*\" or \"all\" = every value)")
	List<MarketSize> replaceMarketSizes(@RequestBody List<MarketSize> sizes) {
		marketSizes.replace(sizes);
		return marketSizes();
	}

	@PostMapping(path = "/market-sizes/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import market sizes from a UTF-8 CSV with a header industry, region, sizeBand, marketSize "
			+ "(or 行业, 区域, 规模, 市场规模); merges by segment, or replaces all with replace=true; all or nothing")
	List<MarketSize> importMarketSizes(@RequestPart(name = "file", required = false) MultipartFile file,
			@Parameter(description = "replace every market size instead of merging") @RequestParam(defaultValue = "false") boolean replace)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw Problems.invalid("file", "a CSV file is required");
		}
		marketSizes.importCsv(file.getInputStream(), replace);
		return marketSizes();
	}

	@GetMapping("/standards")
	@Operation(summary = "The visibility target, completeness standard, collection standard per stage and thresholds")
	Standards standards() {
		return standards.current();
	}

	@PutMapping("/standards")
	@Operation(summary = "Change the standards (target 0.80–0.90; fields like NAME or MOBILE|EMAIL); applies at once")
	Standards saveStandards(@RequestBody Standards body, Principal user) {
		if (body == null) {
			throw Problems.invalid("body", "required");
		}
		return standards.save(body, user == null ? null : user.getName());
	}

	@GetMapping("/collection")
	@Operation(summary = "Per lifecycle stage of the collection standard: leads at that stage now, how many have "
			+ "every required field, and the missing fields")
	ResponseEntity<Object> collection(@RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		List<StageCompliance> stages = collection.current();
		return CsvExport.respond(format, accept, Map.of("stages", stages), "collection",
				List.of("stage", "required", "leads", "compliant", "missingFields"),
				stages.stream().map(s -> List.<Object>of(s.stage(), String.join(" ", s.required()), s.leads(),
						s.compliant(), String.join("; ", s.missingFields().stream().map(VisibilityController::missing)
							.toList())))
					.toList());
	}

	@GetMapping("/upkeep")
	@Operation(summary = "Leads to re-verify or purge per segment: bounced e-mail, number out of service, no touch "
			+ "for staleMonths months (default from the standards), and leads with any flag")
	ResponseEntity<Object> upkeep(@RequestParam(required = false) Integer staleMonths,
			@RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		int months = staleMonths == null ? standards.current().staleAfterMonths() : staleMonths;
		if (months < 1 || months > 120) {
			throw Problems.invalid("staleMonths", "must be between 1 and 120");
		}
		var report = upkeep.current(months, Instant.now());
		return CsvExport.respond(format, accept, report, "upkeep",
				List.of("industry", "region", "sizeBand", "leads", "bouncedEmail", "numberOutOfService", "noTouch",
						"flagged"),
				report.segments().stream().map(s -> List.<Object>of(all(s.industry()), all(s.region()),
						all(s.sizeBand()), s.leads(), s.bouncedEmail(), s.numberOutOfService(), s.noTouch(),
						s.flagged())).toList());
	}

	private static String missing(MissingField m) {
		return m.field() + " " + m.count();
	}

	private static String all(String value) {
		return value == null ? "*" : value;
	}
}
