package com.leadflow.analytics.readmodel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.leadflow.core.LeadErased;
import com.leadflow.core.LeadMergeUndone;
import com.leadflow.core.LeadMerged;
import com.leadflow.core.LeadProfileChanged;
import com.leadflow.core.LeadProfilesChanged;
import com.leadflow.core.LeadTouched;
import com.leadflow.core.LeadsTouched;
import com.leadflow.crmsync.LeadStageChanged;
import com.leadflow.scoring.LeadBandChanged;
import com.leadflow.scoring.LeadBandsChanged;

/**
 * Reacts to the other modules' events by marking the leads concerned for recomputation; bands are kept as they come,
 * as no API lists them without side effects. The marks are written in the publisher's own transaction, just before it
 * commits: one insert into a queue that never waits (no unique key), so an event and its mark commit together, and
 * the events need no publication rows nor listener threads of their own (a new lead sets off several of them).
 */
@Component
class AnalyticsListeners {

	private final DirtyLeads dirty;

	private final JdbcTemplate jdbc;

	AnalyticsListeners(DirtyLeads dirty, JdbcTemplate jdbc) {
		this.dirty = dirty;
		this.jdbc = jdbc;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(LeadTouched event) {
		touched(List.of(event), Set.of());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(LeadsTouched event) {
		touched(event.touches(), new HashSet<>(event.profileChanged()));
	}

	/** New leads and changed profiles are recomputed in full; a touch alone may only move the last touch. */
	private void touched(List<LeadTouched> touches, Set<Long> profileChanged) {
		Set<Long> full = new LinkedHashSet<>(profileChanged);
		touches.stream().filter(LeadTouched::leadCreated).forEach(t -> full.add(t.leadId()));
		dirty.mark(full);
		dirty.markTouched(touches.stream().filter(t -> !full.contains(t.leadId())).toList());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(LeadProfileChanged event) {
		dirty.mark(List.of(event.leadId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(LeadProfilesChanged event) {
		dirty.mark(event.leadIds());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(LeadMerged event) {
		dirty.mark(List.of(event.survivorId(), event.absorbedId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(LeadMergeUndone event) {
		dirty.mark(List.of(event.survivorId(), event.restoredId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(LeadErased event) {
		dirty.mark(List.of(event.leadId()));
	}

	/**
	 * Stage changes come one event per lead, hundreds in one transaction when a batch is routed together: their marks
	 * are gathered and written with one insert just before the transaction commits. A change published after that
	 * point (by another step before the commit) is marked at once.
	 */
	@EventListener
	void on(LeadStageChanged event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			dirty.mark(List.of(event.leadId()));
			return;
		}
		StageMarks marks = (StageMarks) TransactionSynchronizationManager.getResource(this);
		if (marks == null) {
			marks = new StageMarks();
			TransactionSynchronizationManager.bindResource(this, marks);
			TransactionSynchronizationManager.registerSynchronization(marks);
		}
		if (marks.written) {
			dirty.mark(List.of(event.leadId()));
		}
		else {
			marks.leads.add(event.leadId());
		}
	}

	/** The stage changes of one transaction, marked together before it commits. */
	private final class StageMarks implements TransactionSynchronization {

		final List<Long> leads = new ArrayList<>();

		boolean written;

		@Override
		public void beforeCommit(boolean readOnly) {
			written = true;
			dirty.mark(leads);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(AnalyticsListeners.this);
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(LeadBandChanged event) {
		bands(List.of(event));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(LeadBandsChanged event) {
		bands(event.changes());
	}

	private void bands(List<LeadBandChanged> changes) {
		jdbc.update("""
				insert into analytics_lead_band (lead_id, score_group, band)
				select * from unnest(?::bigint[], ?::text[], ?::text[])
				on conflict (lead_id, score_group) do update set band = excluded.band""",
				changes.stream().mapToLong(LeadBandChanged::leadId).toArray(),
				changes.stream().map(LeadBandChanged::group).toArray(String[]::new),
				changes.stream().map(c -> c.newBand().name()).toArray(String[]::new));
		dirty.mark(changes.stream().map(LeadBandChanged::leadId).toList());
	}
}
