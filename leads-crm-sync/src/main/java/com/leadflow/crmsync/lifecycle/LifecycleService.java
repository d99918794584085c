package com.leadflow.crmsync.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.LeadPool;
import com.leadflow.crmsync.DisqualifyReason;
import com.leadflow.crmsync.LeadLifecycle;
import com.leadflow.crmsync.LeadStageChanged;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.crmsync.RecycleReason;
import com.leadflow.crmsync.config.CrmSyncClock;
import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.crmsync.lifecycle.LifecycleRecords.State;
import com.leadflow.crmsync.qualification.QualificationAnswers;

/**
 * The lifecycle state machine: locks the lead's stage row, refuses illegal moves, stores the move with who/why/when,
 * refuses SQL before the SDR questionnaire is answered, mirrors the stage to the lead pool and publishes
 * {@link LeadStageChanged} — all in one transaction, so listeners in this module that write the outbox (CRM push,
 * call tasks, SLA timers) commit or roll back with the move.
 */
@Service
@Transactional
class LifecycleService implements LeadLifecycle {

	private final LifecycleRecords records;

	private final LeadPool pool;

	private final ApplicationEventPublisher events;

	private final CrmSyncClock clock;

	private final CrmSyncProperties properties;

	private final QualificationAnswers answers;

	LifecycleService(LifecycleRecords records, LeadPool pool, ApplicationEventPublisher events, CrmSyncClock clock,
			CrmSyncProperties properties, QualificationAnswers answers) {
		this.answers = answers;
		this.records = records;
		this.pool = pool;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	@Transactional(readOnly = true)
	public LeadStage stageOf(long leadId) {
		long id = existing(leadId);
		State state = records.find(id).orElse(State.fresh(id));
		return view(state);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, LeadStage> stagesOf(java.util.Collection<Long> leadIds) {
		Map<Long, Long> canonical = pool.canonicalIds(leadIds);
		Map<Long, State> states = records.findAll(canonical.values());
		Map<Long, List<HistoryEntry>> histories = records.histories(canonical.values());
		Map<Long, LeadStage> stages = new java.util.LinkedHashMap<>();
		canonical.forEach((id, lead) -> stages.put(id,
				view(states.getOrDefault(lead, State.fresh(lead)), histories.getOrDefault(lead, List.of()))));
		return stages;
	}

	@Override
	public LeadStage stageForUpdate(long leadId) {
		return view(records.lock(existing(leadId), clock.now()));
	}

	@Override
	public LeadStage move(long leadId, Move move) {
		if (move.to() == null) {
			throw LifecycleProblem.invalid("to", "the target stage is required");
		}
		long id = existing(leadId);
		Instant now = clock.now();
		State current = records.lock(id, now);
		LifecycleStage from = current.stage();
		if (move.to() == LifecycleStage.SQL) { // the input first (400), then the state (409)
			answers.requireQualified(id, properties.qualification().questions());
		}
		if (!from.canMoveTo(move.to())) {
			throw LifecycleProblem.illegalTransition(id, from, move.to());
		}
		String reason = reason(move);
		LocalDate reengage = move.to() == LifecycleStage.RECYCLED
				? (move.reengageAfter() != null ? move.reengageAfter() : clock.today().plus(properties.recycling().reengageAfter()))
				: null;
		String actor = move.actor() == null || move.actor().isBlank() ? "unknown" : move.actor().strip();
		Instant slaDue = move.to() == LifecycleStage.SQL ? now.plus(properties.sla().sqlAcceptance()) : null;
		records.save(new State(id, move.to(), reason, reengage, slaDue), now);
		records.append(id, from, move.to(), reason, move.note(), actor, now);
		pool.recordStage(id, move.to().name());
		events.publishEvent(new LeadStageChanged(id, from, move.to(), reason, actor));
		return view(records.find(id).orElseThrow());
	}

	@Override
	public List<Long> moveAll(Map<Long, String> notes, Set<LifecycleStage> from, LifecycleStage to, String actor) {
		if (to.needsReason() || to == LifecycleStage.SQL) {
			throw new IllegalArgumentException(to + " needs a reason or a timer: move leads there one by one");
		}
		Map<Long, String> byLead = new TreeMap<>();
		pool.canonicalIds(notes.keySet()).forEach((id, canonical) -> byLead.put(canonical, notes.get(id)));
		if (byLead.isEmpty()) {
			return List.of();
		}
		Instant now = clock.now();
		List<State> moving = records.lockAll(byLead.keySet().stream().mapToLong(Long::longValue).toArray(), now)
			.stream()
			.filter(s -> from.contains(s.stage()) && s.stage().canMoveTo(to))
			.toList();
		if (moving.isEmpty()) {
			return List.of();
		}
		String who = actor == null || actor.isBlank() ? "unknown" : actor.strip();
		records.moveAll(moving, to, byLead, who, now);
		List<Long> moved = moving.stream().map(State::leadId).toList();
		pool.recordStages(moved, to.name());
		moving.forEach(s -> events.publishEvent(new LeadStageChanged(s.leadId(), s.stage(), to, null, who)));
		return moved;
	}

	/** Reason checked against the target stage's list; free text is kept for other stages. */
	private static String reason(Move move) {
		String reason = move.reason() == null || move.reason().isBlank() ? null : move.reason().strip();
		if (!move.to().needsReason()) {
			return reason;
		}
		if (reason == null) {
			throw LifecycleProblem.invalid("reason", "a reason is required to move to " + move.to());
		}
		String normalised = reason.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		Enum<?>[] allowed = move.to() == LifecycleStage.RECYCLED ? RecycleReason.values() : DisqualifyReason.values();
		if (Arrays.stream(allowed).noneMatch(r -> r.name().equals(normalised))) {
			throw LifecycleProblem.invalid("reason", "must be one of " + Arrays.toString(allowed));
		}
		return normalised;
	}

	private long existing(long leadId) {
		long id = pool.canonicalId(leadId); // 0: no such lead (an id check, not the lead's whole profile)
		if (id == 0) {
			throw LifecycleProblem.leadNotFound(leadId);
		}
		return id;
	}

	private LeadStage view(State state) {
		return view(state, records.history(state.leadId()));
	}

	private static LeadStage view(State state, List<HistoryEntry> history) {
		return new LeadStage(state.leadId(), state.stage(), state.reason(), state.reengageAfter(), state.slaDueAt(),
				history);
	}
}
