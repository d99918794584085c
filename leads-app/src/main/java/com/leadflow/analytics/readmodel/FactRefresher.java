package com.leadflow.analytics.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

	/** First key of the per-lead advisory locks (scoring uses 30). */
	private static final int LEAD_LOCKS = 32;

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

	/**
	 * Brings the facts of claimed marks up to date: a lead marked only by touches that can only have moved its last
	 * touch is moved in place when its fact allows ({@link LeadFacts#moveLastTouch}); every other lead is recomputed.
	 */
	@Transactional
	void refreshMarked(List<DirtyLeads.Mark> marks) {
		Map<Long, List<DirtyLeads.Mark>> byLead = new LinkedHashMap<>();
		marks.forEach(m -> byLead.computeIfAbsent(m.leadId(), k -> new ArrayList<>()).add(m));
		List<LeadFacts.NewTouches> touches = new ArrayList<>();
		Set<Long> full = new LinkedHashSet<>();
		byLead.forEach((id, its) -> {
			LeadFacts.NewTouches moved = onlyMoveTheLastTouch(id, its);
			if (moved != null) {
				touches.add(moved);
			}
			else {
				full.add(id);
			}
		});
		jdbc.queryForList("select pg_advisory_xact_lock_shared(?)", READ_MODEL_LOCK);
		lock(byLead.keySet());
		Set<Long> moved = facts.moveLastTouch(touches);
		List<LeadFacts.NewTouches> across = touches.stream().filter(t -> !moved.contains(t.leadId())).toList();
		Rollups.Contributions before = Rollups.Contributions.NONE;
		Rollups.Contributions after = Rollups.Contributions.NONE;
		if (!across.isEmpty()) { // to another series, channel or month: the rollups move with them
			List<Long> ids = across.stream().map(LeadFacts.NewTouches::leadId).toList();
			before = rollups.of(ids);
			Set<Long> movedAcross = facts.moveNewestTouch(across);
			after = movedAcross.isEmpty() ? before : rollups.of(ids);
			ids.stream().filter(id -> !movedAcross.contains(id)).forEach(full::add);
		}
		if (!full.isEmpty()) {
			recompute(full, before, after);
		}
		else {
			rollups.apply(before, after);
		}
	}

	/**
	 * A lead's marks as touches that can at most move its last touch: all left by touches of such kinds, from one
	 * series and channel, in one month; null when the lead must be recomputed.
	 */
	private LeadFacts.NewTouches onlyMoveTheLastTouch(long leadId, List<DirtyLeads.Mark> marks) {
		DirtyLeads.Touch first = marks.getFirst().touch();
		if (first == null) {
			return null;
		}
		int month = builder.month(first.at());
		Instant oldest = first.at();
		Instant newest = first.at();
		boolean emailState = false;
		for (DirtyLeads.Mark m : marks) {
			DirtyLeads.Touch t = m.touch();
			if (t == null || !builder.touchMovesOnlyLastTouch(t.action()) || builder.month(t.at()) != month
					|| !Objects.equals(t.seriesId(), first.seriesId())
					|| !Objects.equals(t.channel(), first.channel())) {
				return null;
			}
			oldest = t.at().isBefore(oldest) ? t.at() : oldest;
			newest = t.at().isAfter(newest) ? t.at() : newest;
			emailState |= FactBuilder.emailState(t.action());
		}
		return new LeadFacts.NewTouches(leadId, oldest, builder.day(oldest), newest, builder.day(newest), month,
				first.seriesId(), first.channel(), emailState);
	}

	@Transactional
	public void refresh(Collection<Long> leadIds) {
		jdbc.queryForList("select pg_advisory_xact_lock_shared(?)", READ_MODEL_LOCK);
		lock(leadIds);
		recompute(leadIds, Rollups.Contributions.NONE, Rollups.Contributions.NONE);
	}

	/**
	 * Serialises work on these leads' facts across threads and nodes until the transaction ends (in id order, so two
	 * batches never wait on each other in a circle). Without it, two batches holding marks of one lead both read its
	 * old contributions to the rollups before either wrote, and its change was added to the rollups twice.
	 */
	private void lock(Collection<Long> leadIds) {
		if (leadIds.isEmpty()) {
			return;
		}
		jdbc.queryForObject("select count(pg_advisory_xact_lock(?, (id % 2147483647)::int)) from unnest(?::bigint[]) id",
				Long.class, LEAD_LOCKS, leadIds.stream().sorted().toArray(Long[]::new));
	}

	/**
	 * Recomputes leads in full; the rollups move by their difference, together with {@code after − before} of facts
	 * already moved in this transaction.
	 */
	private void recompute(Collection<Long> leadIds, Rollups.Contributions movedBefore,
			Rollups.Contributions movedAfter) {
		Map<Long, LeadSnapshot> active = new HashMap<>();
		for (LeadSnapshot s : pool.findAll(leadIds)) {
			active.put(s.id(), s);
		}
		Map<Long, LeadStage> stages = lifecycle.stagesOf(active.keySet());
		active.keySet().retainAll(stages.keySet()); // the others are gone meanwhile
		Set<Long> all = new LinkedHashSet<>(leadIds);
		lock(active.keySet().stream().filter(id -> !all.contains(id)).toList()); // survivors of merges
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
		rollups.apply(before.plus(movedBefore), rollups.of(all).plus(movedAfter));
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
