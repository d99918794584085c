package com.leadflow.scoring.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.leadflow.scoring.FitGrade;
import com.leadflow.scoring.LeadScore;
import com.leadflow.scoring.ScoreBand;
import com.leadflow.scoring.ScoreLine;
import com.leadflow.scoring.engine.ScoringEngine;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored scores of leads (table {@code lead_score}), one row per lead and score group. */
@Repository
public class LeadScores {

	private static final TypeReference<List<List<Object>>> LINES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	LeadScores(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Serialises score work per lead across threads and nodes until the transaction ends. */
	public void lock(Collection<Long> leadIds) {
		Long[] ids = leadIds.stream().sorted().toArray(Long[]::new);
		jdbc.sql("select count(pg_advisory_xact_lock(30, (id % 2147483647)::int)) from unnest(cast(? as bigint[])) id")
			.param(ids)
			.query(Long.class)
			.single();
	}

	public List<LeadScore> ofLead(long leadId) {
		return jdbc.sql("select * from lead_score where lead_id = ? order by group_name").param(leadId).query(this::map).list();
	}

	/**
	 * Stores scores, at most one per lead and group, for leads whose locks the caller holds: rewrites the stored rows
	 * in one statement that returns what they held, inserts the others, and drops a lead's rows that the new scores'
	 * model does not have (groups of a model the lead no longer scores with). A re-scored lead costs one row rewrite
	 * (no arbiter check, no row lock of {@code on conflict}, no read of the bands beforehand).
	 * @return the bands the rewritten rows held: lead id → group → band
	 */
	public Map<Long, Map<String, ScoreBand>> replace(List<LeadScore> scores) {
		Map<Long, Map<String, ScoreBand>> before = new HashMap<>();
		if (scores.isEmpty()) {
			return before;
		}
		Map<Long, Long> models = new HashMap<>(); // lead → the model of its new scores
		scores.forEach(s -> models.put(s.leadId(), s.modelId()));
		Set<Long> stale = new HashSet<>(); // leads that may keep rows of another model
		jdbc.sql("""
				update lead_score s set model_id = t.model_id, scope = t.scope, model_version = t.model_version,
				    total = t.total, band = t.band, fit_points = t.fit_points, fit_grade = t.fit_grade,
				    behaviour_points = t.behaviour_points, fit_breakdown = t.fit_breakdown, breakdown = t.breakdown,
				    scored_at = t.scored_at
				from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::int[], ?::int[], ?::text[], ?::float8[],
				            ?::text[], ?::float8[], ?::json[], ?::json[], ?::timestamptz[])
				     t(lead_id, group_name, model_id, scope, model_version, total, band, fit_points, fit_grade,
				       behaviour_points, fit_breakdown, breakdown, scored_at)
				where s.lead_id = t.lead_id and s.group_name = t.group_name
				returning s.lead_id, s.group_name, old.band, old.model_id""")
			.params(columns(scores))
			.query((ResultSet rs) -> {
				long lead = rs.getLong(1);
				before.computeIfAbsent(lead, k -> new HashMap<>()).put(rs.getString(2), ScoreBand.valueOf(rs.getString(3)));
				if (rs.getLong(4) != models.get(lead)) {
					stale.add(lead);
				}
			});
		List<LeadScore> missing = scores.stream()
			.filter(s -> !before.getOrDefault(s.leadId(), Map.of()).containsKey(s.group()))
			.toList();
		if (!missing.isEmpty()) {
			missing.forEach(s -> stale.add(s.leadId()));
			jdbc.sql("""
					insert into lead_score (lead_id, group_name, model_id, scope, model_version, total, band, fit_points,
					                        fit_grade, behaviour_points, fit_breakdown, breakdown, scored_at)
					select * from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::int[], ?::int[], ?::text[],
					                     ?::float8[], ?::text[], ?::float8[], ?::json[], ?::json[], ?::timestamptz[])""")
				.params(columns(missing))
				.update();
		}
		if (!stale.isEmpty()) {
			jdbc.sql("""
					delete from lead_score s using unnest(?::bigint[], ?::bigint[]) d(lead_id, model_id)
					where s.lead_id = d.lead_id and s.model_id <> d.model_id""")
				.params(stale.stream().mapToLong(Long::longValue).toArray(),
						stale.stream().mapToLong(models::get).toArray())
				.update();
		}
		return before;
	}

	private static Object[] columns(List<LeadScore> scores) {
		return new Object[] { scores.stream().mapToLong(LeadScore::leadId).toArray(),
				scores.stream().map(LeadScore::group).toArray(String[]::new),
				scores.stream().mapToLong(LeadScore::modelId).toArray(),
				scores.stream().map(LeadScore::scope).toArray(String[]::new),
				scores.stream().mapToInt(LeadScore::modelVersion).toArray(),
				scores.stream().mapToInt(LeadScore::total).toArray(),
				scores.stream().map(s -> s.band().name()).toArray(String[]::new),
				scores.stream().mapToDouble(LeadScore::fitPoints).toArray(),
				scores.stream().map(s -> s.fitGrade().name()).toArray(String[]::new),
				scores.stream().mapToDouble(LeadScore::behaviourPoints).toArray(),
				scores.stream().map(s -> linesJson(s.lines(), true)).toArray(String[]::new),
				scores.stream().map(s -> linesJson(s.lines(), false)).toArray(String[]::new),
				scores.stream().map(s -> s.scoredAt().toString()).toArray(String[]::new) };
	}

	/** The model whose scores a lead has stored, by lead (leads without a stored score are left out). */
	public Map<Long, Long> modelsOf(Collection<Long> leadIds) {
		Map<Long, Long> models = new HashMap<>();
		jdbc.sql("select distinct on (lead_id) lead_id, model_id from lead_score where lead_id = any(?) order by lead_id")
			.param(leadIds.stream().mapToLong(Long::longValue).toArray())
			.query((ResultSet rs) -> {
				models.put(rs.getLong(1), rs.getLong(2));
			});
		return models;
	}

	/** A lead's new behaviour part in a group of the model that scored it, for a stored fit part that still holds. */
	public record NewBehaviour(long leadId, long modelId, ScoringEngine.BehaviourPart part) {
	}

	/** A score row the behaviour part rewrote: the band before and after, the new total and the stored fit grade. */
	public record Rewritten(long leadId, String group, ScoreBand before, ScoreBand band, int total, FitGrade fitGrade) {
	}

	/**
	 * Rewrites the behaviour part of stored scores (for leads whose locks the caller holds): the behaviour points and
	 * lines, and the total and band from them and the stored fit points, as {@link ScoringEngine#score} adds them
	 * ({@code total = round(fit + behaviour)}). A row is left alone unless it is by the part's model.
	 * @return the rows rewritten
	 */
	public List<Rewritten> rewriteBehaviour(List<NewBehaviour> parts, Instant scoredAt) {
		if (parts.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				update lead_score s
				set total = floor(s.fit_points + t.points + 0.5)::int,
				    band = case when floor(s.fit_points + t.points + 0.5) > t.hot_above then 'HOT'
				                when floor(s.fit_points + t.points + 0.5) >= t.warm_from then 'WARM' else 'COOL' end,
				    behaviour_points = t.behaviour_points, breakdown = t.breakdown, scored_at = ?
				from unnest(?::bigint[], ?::text[], ?::bigint[], ?::float8[], ?::float8[], ?::int[], ?::int[], ?::json[])
				     t(lead_id, group_name, model_id, points, behaviour_points, warm_from, hot_above, breakdown)
				where s.lead_id = t.lead_id and s.group_name = t.group_name and s.model_id = t.model_id
				returning s.lead_id, s.group_name, old.band, s.band, s.total, s.fit_grade""")
			.params(Timestamp.from(scoredAt), parts.stream().mapToLong(NewBehaviour::leadId).toArray(),
					parts.stream().map(p -> p.part().group().name()).toArray(String[]::new),
					parts.stream().mapToLong(NewBehaviour::modelId).toArray(),
					parts.stream().mapToDouble(p -> p.part().points()).toArray(),
					parts.stream().mapToDouble(p -> ScoringEngine.round2(p.part().points())).toArray(),
					parts.stream().mapToInt(p -> p.part().group().warmFrom()).toArray(),
					parts.stream().mapToInt(p -> p.part().group().hotAbove()).toArray(),
					parts.stream().map(p -> linesJson(p.part().lines(), false)).toArray(String[]::new))
			.query((rs, i) -> new Rewritten(rs.getLong(1), rs.getString(2), ScoreBand.valueOf(rs.getString(3)),
					ScoreBand.valueOf(rs.getString(4)), rs.getInt(5), FitGrade.valueOf(rs.getString(6))))
			.list();
	}

	/** Deletes every score of a lead. */
	public void deleteOf(long leadId) {
		jdbc.sql("delete from lead_score where lead_id = ?").param(leadId).update();
	}

	/** How many leads are in each band of a group. */
	public Map<ScoreBand, Long> distribution(String group) {
		Map<ScoreBand, Long> counts = new EnumMap<>(ScoreBand.class);
		for (ScoreBand band : ScoreBand.values()) {
			counts.put(band, 0L);
		}
		jdbc.sql("select band, count(*) from lead_score where group_name = ? group by band")
			.param(group)
			.query((ResultSet rs) -> {
				counts.put(ScoreBand.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	/** How many leads have each fit grade in a group. */
	public Map<FitGrade, Long> grades(String group) {
		Map<FitGrade, Long> counts = new EnumMap<>(FitGrade.class);
		for (FitGrade grade : FitGrade.values()) {
			counts.put(grade, 0L);
		}
		jdbc.sql("select fit_grade, count(*) from lead_score where group_name = ? group by fit_grade")
			.param(group)
			.query((ResultSet rs) -> {
				counts.put(FitGrade.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	public List<String> groups() {
		return new ArrayList<>(jdbc.sql("select distinct group_name from lead_score order by 1").query(String.class).list());
	}

	/**
	 * A breakdown as stored: a JSON array with one array per line, {@code [part, key, count, rawPoints, cappedPoints,
	 * points]}, and the explanation as a seventh element only where the engine wrote one (see V3_005); the fit part's
	 * lines ({@code fit}) or the others (see V3_006). Written by hand: every touch re-scores its lead, and Jackson's
	 * generic writing was a tenth of the JVM's time on that path.
	 */
	static String linesJson(List<ScoreLine> lines, boolean fit) {
		StringBuilder b = new StringBuilder(16 + lines.size() * 40).append('[');
		for (ScoreLine l : lines) {
			if (ScoringEngine.FIT.equals(l.part()) != fit) {
				continue;
			}
			if (b.length() > 1) {
				b.append(',');
			}
			b.append('[');
			string(b, l.part());
			b.append(',');
			string(b, l.key());
			b.append(',').append(l.count()).append(',');
			number(b, l.rawPoints());
			b.append(',');
			number(b, l.cappedPoints());
			b.append(',');
			number(b, l.points());
			if (l.explanation() != null) {
				b.append(',');
				string(b, l.explanation());
			}
			b.append(']');
		}
		return b.append(']').toString();
	}

	/** Reads what {@link #linesJson} wrote: the fit part's lines, then the others. */
	List<ScoreLine> lines(String fitBreakdown, String breakdown) {
		List<ScoreLine> lines = new ArrayList<>();
		List<List<Object>> stored = new ArrayList<>(json.readValue(fitBreakdown, LINES));
		stored.addAll(json.readValue(breakdown, LINES));
		for (List<Object> l : stored) {
			lines.add(new ScoreLine((String) l.get(0), (String) l.get(1), ((Number) l.get(2)).intValue(),
					((Number) l.get(3)).doubleValue(), ((Number) l.get(4)).doubleValue(), ((Number) l.get(5)).doubleValue(),
					l.size() > 6 ? (String) l.get(6) : null));
		}
		return lines;
	}

	private static void number(StringBuilder b, double v) {
		if (v == (long) v) {
			b.append((long) v);
		}
		else {
			b.append(v);
		}
	}

	private static void string(StringBuilder b, String s) {
		if (s == null) {
			b.append("null");
			return;
		}
		b.append('"');
		int plain = 0; // the part that needs no escape is copied at once
		while (plain < s.length() && s.charAt(plain) >= 0x20 && s.charAt(plain) != '"' && s.charAt(plain) != '\\') {
			plain++;
		}
		b.append(s, 0, plain);
		for (int i = plain; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				case '\t' -> b.append("\\t");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		b.append('"');
	}

	private LeadScore map(ResultSet rs, int row) throws SQLException {
		return new LeadScore(rs.getLong("lead_id"), rs.getString("group_name"), rs.getInt("total"),
				ScoreBand.valueOf(rs.getString("band")), rs.getDouble("fit_points"),
				FitGrade.valueOf(rs.getString("fit_grade")), rs.getDouble("behaviour_points"), rs.getLong("model_id"),
				rs.getString("scope"), rs.getInt("model_version"), instant(rs.getTimestamp("scored_at")),
				lines(rs.getString("fit_breakdown"), rs.getString("breakdown")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
