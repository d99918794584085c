package com.leadflow.crmsync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The lifecycle module's API: a lead's stage with its history, and moves between stages. Every move is stored with
 * who/why/when, mirrored to the lead pool and announced with {@link LeadStageChanged}; illegal moves are refused.
 */
public interface LeadLifecycle {

	/** The stage of a lead (NEW if it never moved) and its history, oldest first. */
	LeadStage stageOf(long leadId);

	/** {@link #stageOf} for several leads at once: id (as given) → its stage; ids of no lead are left out. */
	java.util.Map<Long, LeadStage> stagesOf(java.util.Collection<Long> leadIds);

	/**
	 * The stage of a lead, locked until the caller's transaction ends: for decisions that read the stage and then move
	 * the lead, so that two concurrent decisions cannot both act on the same old stage.
	 */
	LeadStage stageForUpdate(long leadId);

	/** Moves a lead to another stage, or throws (409 illegal move, 400 missing reason, 404 unknown lead). */
	LeadStage move(long leadId, Move move);

	/**
	 * Moves several leads to a stage that needs no reason, date or timer (e.g. NURTURING) in one go: those whose stage
	 * is one of {@code from} move, with the same records and events as {@link #move} each; the others (and ids of no
	 * lead) are left as they are.
	 * @param notes lead id → the note of its move
	 * @return the leads moved
	 */
	List<Long> moveAll(java.util.Map<Long, String> notes, java.util.Set<LifecycleStage> from, LifecycleStage to,
			String actor);

	/**
	 * A requested move.
	 * @param reason required for DISQUALIFIED ({@link DisqualifyReason}) and RECYCLED ({@link RecycleReason})
	 * @param reengageAfter for RECYCLED: when to nurture again (a default applies when null)
	 */
	record Move(LifecycleStage to, String reason, LocalDate reengageAfter, String note, String actor) {

		public static Move to(LifecycleStage to, String actor) {
			return new Move(to, null, null, null, actor);
		}
	}

	/** A lead's current stage and its history. */
	record LeadStage(long leadId, LifecycleStage stage, String reason, LocalDate reengageAfter, Instant slaDueAt,
			List<HistoryEntry> history) {
	}

	/** One stored move. */
	record HistoryEntry(long id, LifecycleStage from, LifecycleStage to, String reason, String note, String actor,
			Instant at) {
	}
}
