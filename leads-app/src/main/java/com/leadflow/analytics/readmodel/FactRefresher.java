package com.leadflow.analytics.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.analytics.standards.AnalyticsProperties;
import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.Touch;
import com.leadflow.crmsync.LeadLifecycle;
import com.leadflow.crmsync.LeadLifecycle.LeadStage;
import com.leadflow.scoring.ScoreBand;

/**
 * Recomputes the facts of some leads from the other modules' APIs (pool, timeline, lifecycle) and the bands received
 * from scoring, and moves the rollups along. Ids that no longer resolve to themselves (merged away, gone) lose their
 * fact; the survivor of a merge is recomputed with them.
 */
@Service
public class FactRefresher {

	/** Advisory lock: batches hold it shared, a rebuild recomputing the rollups holds it exclusively. */
	static final long READ_MODEL_LOCK = 0x616e616c79746963L;

	private final LeadPool pool;

	private final LeadLifecycle lifecycle;

	private final LeadFacts facts;

	private final Rollups rollups;

	private final JdbcTemplate jdbc;

	private final FactBuilder builder;

	FactRefresher(LeadPool pool, LeadLifecycle lifecycle, LeadFacts facts, Rollups rollups, JdbcTemplate jdbc,
			AnalyticsProperties properties) {
		this.pool = pool;
		this.lifecycle = lifecycle;
		this.facts = facts;
		this.rollups = rollups;
		this.jdbc = jdbc;
		this.builder = new FactBuilder(properties);
	}

	@Transactional
	public void refresh(Collection<Long> leadIds) {
		jdbc.queryForList("select pg_advisory_xact_lock_shared(?)", READ_MODEL_LOCK);
		Map<Long, LeadSnapshot> active = new HashMap<>();
		for (LeadSnapshot s : pool.findAll(leadIds)) {
			active.put(s.id(), s);
		}
		Map<Long, LeadStage> stages = lifecycle.stagesOf(active.keySet());
		active.keySet().retainAll(stages.keySet()); // the others are gone meanwhile
		Set<Long> all = new LinkedHashSet<>(leadIds);
		all.addAll(active.keySet());
		List<Long> gone = all.stream().filter(id -> !active.containsKey(id)).toList();
		Map<Long, List<Touch>> timelines = pool.touches(active.keySet());
		Map<Long, Map<String, ScoreBand>> bands = bands(active.keySet());

		List<LeadFact> built = new ArrayList<>();
		active.forEach((id, lead) -> built.add(builder.build(lead, timelines.getOrDefault(id, List.of()),
				stages.get(id), bands.getOrDefault(id, Map.of()))));

		Rollups.Contributions before = rollups.of(all);
		facts.delete(gone);
		if (!gone.isEmpty()) {
			jdbc.update("delete from analytics_lead_band where lead_id = any(?)", (Object) gone.toArray(Long[]::new));
		}
		facts.upsert(built);
		rollups.apply(before, rollups.of(all));
	}

	private Map<Long, Map<String, ScoreBand>> bands(Collection<Long> ids) {
		Map<Long, Map<String, ScoreBand>> out = new HashMap<>();
		if (ids.isEmpty()) {
			return out;
		}
		jdbc.query("select lead_id, score_group, band from analytics_lead_band where lead_id = any(?)", rs -> {
			out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), ScoreBand.valueOf(rs.getString(3)));
		}, (Object) ids.toArray(Long[]::new));
		return out;
	}

	/** Recomputes every rollup from the facts, with every batch locked out meanwhile. */
	@Transactional
	public void recomputeRollups() {
		jdbc.queryForList("select pg_advisory_xact_lock(?)", READ_MODEL_LOCK);
		rollups.recomputeAll();
	}
}
