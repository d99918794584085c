package com.leadflow.analytics.visibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.analytics.standards.Requirement;
import com.leadflow.analytics.visibility.VisibilityReport.MissingField;
import com.leadflow.analytics.standards.StandardsStore;

/**
 * The data-collection standard per lifecycle stage: of the leads at a stage now, how many have every field that
 * stage requires, and which fields are missing. Read from the stage rollup.
 */
@Service
public class CollectionReport {

	public record StageCompliance(String stage, List<String> required, long leads, long compliant,
			List<MissingField> missingFields) {
	}

	private final JdbcClient jdbc;

	private final StandardsStore standards;

	CollectionReport(JdbcClient jdbc, StandardsStore standards) {
		this.jdbc = jdbc;
		this.standards = standards;
	}

	@Transactional(readOnly = true)
	public List<StageCompliance> current() {
		List<StageCompliance> out = new ArrayList<>();
		standards.current().collectionRequirements().forEach((stage, required) -> {
			VisibilityReport.Cell c = VisibilityReport.cells(jdbc, "analytics_stage_rollup", "stage", required).stream()
				.filter(cell -> cell.industry().equals(stage)).findFirst().orElse(null);
			List<MissingField> missing = new ArrayList<>();
			for (int i = 0; c != null && i < required.size(); i++) {
				if (c.missing()[i] > 0) {
					missing.add(new MissingField(required.get(i).name(), c.missing()[i]));
				}
			}
			missing.sort(Comparator.comparingLong(MissingField::count).reversed());
			out.add(new StageCompliance(stage, required.stream().map(Requirement::name).toList(),
					c == null ? 0 : c.leads(), c == null ? 0 : c.complete(), missing));
		});
		return out;
	}

	/** Leads per band now (the band trend's value for today). */
	public Map<String, Long> bandsNow() {
		Map<String, Long> bands = new LinkedHashMap<>();
		for (String band : List.of("COOL", "WARM", "HOT")) {
			bands.put(band, 0L);
		}
		jdbc.sql("select band, sum(leads) from analytics_stage_rollup where band is not null group by band")
			.query(rs -> {
				bands.put(rs.getString(1), rs.getLong(2));
			});
		return bands;
	}
}
