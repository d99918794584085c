package com.leadflow.analytics.readmodel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.leadflow.analytics.standards.AnalyticsProperties;

/**
 * Keeps the rollups in step with the facts. Before facts change, the leads' current contributions are read; after,
 * their new ones; the difference is added to the rollup rows in one fixed order (sorted keys), so concurrent batches
 * on several nodes never deadlock.
 */
@Component
class Rollups {

	/** Per rollup: key values → measure sums. */
	record Contributions(Map<Rollup, Map<List<Object>, BigDecimal[]>> byRollup) {

		static final Contributions NONE = new Contributions(Map.of());

		/** The sums of both, key by key. */
		Contributions plus(Contributions other) {
			Map<Rollup, Map<List<Object>, BigDecimal[]>> out = new HashMap<>();
			for (Rollup rollup : Rollup.ALL) {
				Map<List<Object>, BigDecimal[]> sums = new HashMap<>();
				for (Contributions c : List.of(this, other)) {
					c.byRollup().getOrDefault(rollup, Map.of()).forEach((key, measures) -> sums.merge(key, measures.clone(),
							(x, y) -> {
								for (int i = 0; i < x.length; i++) {
									x[i] = x[i].add(y[i]);
								}
								return x;
							}));
				}
				out.put(rollup, sums);
			}
			return new Contributions(out);
		}
	}

	private final JdbcTemplate jdbc;

	private final String zone;

	Rollups(JdbcTemplate jdbc, AnalyticsProperties properties) {
		this.jdbc = jdbc;
		this.zone = properties.zone().getId();
	}

	Contributions of(Collection<Long> leadIds) {
		Map<Rollup, Map<List<Object>, BigDecimal[]>> out = new HashMap<>();
		Long[] ids = leadIds.toArray(Long[]::new);
		for (Rollup rollup : Rollup.ALL) {
			String sql = summed(rollup, "l.lead_id = any(?)");
			int uses = sql.split("any\\(\\?\\)", -1).length - 1;
			Object[] params = new Object[uses];
			java.util.Arrays.fill(params, ids);
			Map<List<Object>, BigDecimal[]> sums = new HashMap<>();
			jdbc.query(sql, rs -> {
				List<Object> key = new ArrayList<>();
				for (int i = 1; i <= rollup.keys().size(); i++) {
					key.add(rs.getObject(i));
				}
				BigDecimal[] m = new BigDecimal[rollup.measures().size()];
				for (int i = 0; i < m.length; i++) {
					m[i] = rs.getBigDecimal(rollup.keys().size() + 1 + i);
				}
				sums.put(key, m);
			}, params);
			out.put(rollup, sums);
		}
		return new Contributions(out);
	}

	/**
	 * Adds {@code after − before} to every rollup. One call per transaction: its rows are locked in one fixed order,
	 * which two calls in one transaction would no longer keep.
	 */
	void apply(Contributions before, Contributions after) {
		for (Rollup rollup : Rollup.ALL) {
			Map<String, Object[]> rows = new TreeMap<>();
			merge(rows, after.byRollup().getOrDefault(rollup, Map.of()), 1);
			merge(rows, before.byRollup().getOrDefault(rollup, Map.of()), -1);
			List<Object[]> changed = rows.values().stream().filter(r -> !allZero(r, rollup.keys().size())).toList();
			if (changed.isEmpty()) {
				continue;
			}
			String columns = String.join(", ", rollup.columns());
			String placeholders = rollup.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
			String updates = rollup.measures().stream().map(m -> m + " = t." + m + " + excluded." + m)
				.collect(Collectors.joining(", "));
			jdbc.batchUpdate("insert into " + rollup.table() + " as t (" + columns + ") values (" + placeholders
					+ ") on conflict on constraint " + rollup.table() + "_key do update set " + updates, changed);
		}
	}

	/** Recomputes every rollup from the facts (rebuild; the caller holds the exclusive read-model lock). */
	void recomputeAll() {
		for (Rollup rollup : Rollup.ALL) {
			jdbc.execute("truncate " + rollup.table());
			jdbc.execute("insert into " + rollup.table() + " (" + String.join(", ", rollup.columns()) + ") "
					+ summed(rollup, "true"));
		}
	}

	/** The contributions of the facts {@code where} selects, summed by the rollup's keys (in the server). */
	private String summed(Rollup rollup, String where) {
		String keys = String.join(", ", rollup.keys());
		String sums = rollup.measures().stream().map(m -> "sum(" + m + ")").collect(Collectors.joining(", "));
		return "select " + keys + ", " + sums + " from (" + rollup.contributionsOf(where).replace("%ZONE%", zone)
				+ ") c (" + String.join(", ", rollup.columns()) + ") group by " + keys;
	}

	private static void merge(Map<String, Object[]> rows, Map<List<Object>, BigDecimal[]> sums, int sign) {
		sums.forEach((key, measures) -> {
			Object[] row = rows.computeIfAbsent(String.valueOf(key), k -> {
				Object[] r = new Object[key.size() + measures.length];
				for (int i = 0; i < key.size(); i++) {
					r[i] = key.get(i);
				}
				for (int i = 0; i < measures.length; i++) {
					r[key.size() + i] = BigDecimal.ZERO;
				}
				return r;
			});
			for (int i = 0; i < measures.length; i++) {
				BigDecimal m = sign > 0 ? measures[i] : measures[i].negate();
				row[key.size() + i] = ((BigDecimal) row[key.size() + i]).add(m);
			}
		});
	}

	private static boolean allZero(Object[] row, int keys) {
		for (int i = keys; i < row.length; i++) {
			if (((BigDecimal) row[i]).signum() != 0) {
				return false;
			}
		}
		return true;
	}
}
