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
		Map<String, Map<Integer, Long>> byStage = new LinkedHashMap<>();
		jdbc.sql("select stage, present_mask, sum(leads) from analytics_stage_rollup group by stage, present_mask")
			.query(rs -> {
				byStage.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getInt(2), rs.getLong(3));
			});
		List<StageCompliance> out = new ArrayList<>();
		standards.current().collectionRequirements().forEach((stage, required) -> {
			long leads = 0;
			long compliant = 0;
			Map<String, Long> missing = new LinkedHashMap<>();
			for (var e : byStage.getOrDefault(stage, Map.of()).entrySet()) {
				leads += e.getValue();
				if (Requirement.allMet(required, e.getKey())) {
					compliant += e.getValue();
				}
				for (Requirement r : required) {
					if (!r.metBy(e.getKey())) {
						missing.merge(r.name(), e.getValue(), Long::sum);
					}
				}
			}
			out.add(new StageCompliance(stage, required.stream().map(Requirement::name).toList(), leads, compliant,
					missing.entrySet().stream().filter(e -> e.getValue() > 0)
						.map(e -> new MissingField(e.getKey(), e.getValue()))
						.sorted(Comparator.comparingLong(MissingField::count).reversed()).toList()));
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
