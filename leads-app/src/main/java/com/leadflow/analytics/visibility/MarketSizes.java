package com.leadflow.analytics.visibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.analytics.readmodel.FactBuilder;
import com.leadflow.analytics.support.Problems;
import com.leadflow.analytics.support.Problems.FieldProblem;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/** Market sizes per segment, entered as JSON or imported from CSV; stored with normalised keys and the labels given. */
@Service
public class MarketSizes {

	/** A stored segment: match keys ({@code *} = all) and the labels to show (null = all). */
	public record Segment(String industry, String region, String sizeBand, String industryLabel, String regionLabel,
			String sizeBandLabel, long marketSize) {

		/** The key a cell's totals are filed under ({@link #keysOf}). */
		public String key() {
			return industry + "\u0000" + region + "\u0000" + sizeBand;
		}

		public boolean matches(String leadIndustry, String leadRegion, String leadSizeBand) {
			return (ALL.equals(industry) || industry.equals(leadIndustry)) && (ALL.equals(region) || region.equals(leadRegion))
					&& (ALL.equals(sizeBand) || sizeBand.equals(leadSizeBand));
		}
	}

	public static final String ALL = "*";

	/** The keys of the eight segments (each dimension exact or {@code *}) that leads of one exact segment count in. */
	public static List<String> keysOf(String industry, String region, String sizeBand) {
		List<String> keys = new ArrayList<>(8);
		for (String i : new String[] { industry, ALL }) {
			for (String r : new String[] { region, ALL }) {
				for (String s : new String[] { sizeBand, ALL }) {
					keys.add(i + "\u0000" + r + "\u0000" + s);
				}
			}
		}
		return keys;
	}

	private static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("industry", "industry"),
			Map.entry("行业", "industry"), Map.entry("region", "region"), Map.entry("区域", "region"),
			Map.entry("地区", "region"), Map.entry("sizeband", "sizeBand"), Map.entry("size_band", "sizeBand"),
			Map.entry("companysize", "sizeBand"), Map.entry("规模", "sizeBand"), Map.entry("公司规模", "sizeBand"),
			Map.entry("marketsize", "marketSize"), Map.entry("market_size", "marketSize"),
			Map.entry("市场规模", "marketSize"), Map.entry("市场容量", "marketSize"));

	private final JdbcClient jdbc;

	MarketSizes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Segment> all() {
		return jdbc.sql("""
				select industry, region, size_band, label_industry, label_region, label_size_band, market_size
				from analytics_market_size order by industry, region, size_band""")
			.query((rs, i) -> new Segment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getLong(7))).list();
	}

	/** Replaces every market size with these (400 naming each bad entry, nothing stored). */
	@Transactional
	public List<Segment> replace(List<MarketSize> sizes) {
		List<Segment> segments = validate(sizes, "");
		jdbc.sql("delete from analytics_market_size").update();
		segments.forEach(this::save);
		return all();
	}

	/** Imports a CSV (header: industry, region, sizeBand, marketSize, or their Chinese names); merges or replaces. */
	@Transactional
	public List<Segment> importCsv(InputStream csv, boolean replace) throws IOException {
		List<MarketSize> rows = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
				CsvReader<CsvRecord> records = CsvReader.builder().skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true).ofCsvRecord(reader)) {
			List<String> columns = null;
			for (CsvRecord record : records) {
				if (columns == null) {
					columns = record.getFields().stream()
						.map(h -> HEADERS.get(h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(" ", "")))
						.toList();
					if (!columns.contains("marketSize")) {
						throw Problems.invalid("file", "the header must have a marketSize (市场规模) column");
					}
					continue;
				}
				if (record.getFields().stream().allMatch(String::isBlank)) {
					continue;
				}
				String industry = null, region = null, size = null, market = null;
				for (int c = 0; c < columns.size() && c < record.getFieldCount(); c++) {
					String v = record.getField(c);
					if (columns.get(c) == null) {
						continue;
					}
					switch (columns.get(c)) {
						case "industry" -> industry = v;
						case "region" -> region = v;
						case "sizeBand" -> size = v;
						default -> market = v;
					}
				}
				Long parsed = null;
				try {
					parsed = market == null || market.isBlank() ? null : Long.valueOf(market.strip().replace(",", ""));
				}
				catch (NumberFormatException e) {
					problems.add(new FieldProblem("row " + record.getStartingLineNumber() + ".marketSize",
							"not a whole number: " + market));
					continue;
				}
				rows.add(new MarketSize(industry, region, size, parsed));
			}
		}
		if (!problems.isEmpty()) {
			throw Problems.invalid(problems);
		}
		List<Segment> segments = validate(rows, "row ");
		if (replace) {
			jdbc.sql("delete from analytics_market_size").update();
		}
		segments.forEach(this::save);
		return all();
	}

	private List<Segment> validate(List<MarketSize> sizes, String prefix) {
		List<FieldProblem> problems = new ArrayList<>();
		List<Segment> segments = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		if (sizes == null) {
			throw Problems.invalid("body", "a list of market sizes is required");
		}
		for (int i = 0; i < sizes.size(); i++) {
			MarketSize s = sizes.get(i);
			String at = prefix.isEmpty() ? "[" + i + "]" : prefix + (i + 2);
			if (s == null) {
				problems.add(new FieldProblem(at, "must not be null"));
				continue;
			}
			if (s.marketSize() == null || s.marketSize() <= 0) {
				problems.add(new FieldProblem(at + ".marketSize", "must be a whole number above 0"));
				continue;
			}
			Segment segment = new Segment(key(s.industry()), key(s.region()), key(s.sizeBand()), label(s.industry()),
					label(s.region()), label(s.sizeBand()), s.marketSize());
			if (!seen.add(segment.industry() + "\u0000" + segment.region() + "\u0000" + segment.sizeBand())) {
				problems.add(new FieldProblem(at, "the segment appears twice"));
				continue;
			}
			segments.add(segment);
		}
		if (!problems.isEmpty()) {
			throw Problems.invalid(problems);
		}
		return segments;
	}

	private void save(Segment s) {
		jdbc.sql("""
				insert into analytics_market_size (industry, region, size_band, label_industry, label_region,
				    label_size_band, market_size, updated_at) values (?, ?, ?, ?, ?, ?, ?, now())
				on conflict (industry, region, size_band) do update set market_size = excluded.market_size,
				    label_industry = excluded.label_industry, label_region = excluded.label_region,
				    label_size_band = excluded.label_size_band, updated_at = now()""")
			.params(s.industry(), s.region(), s.sizeBand(), s.industryLabel(), s.regionLabel(), s.sizeBandLabel(),
					s.marketSize()).update();
	}

	private static boolean isAll(String value) {
		return value == null || value.isBlank() || value.strip().equals(ALL) || value.strip().equalsIgnoreCase("all")
				|| value.strip().equals("全部");
	}

	static String key(String value) {
		return isAll(value) ? ALL : FactBuilder.key(value);
	}

	private static String label(String value) {
		return isAll(value) ? null : value.strip();
	}
}
