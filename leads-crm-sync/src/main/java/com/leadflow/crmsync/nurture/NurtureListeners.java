package com.leadflow.crmsync.nurture;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.leadflow.core.LeadConsentChanged;
import com.leadflow.core.LeadTouched;
import com.leadflow.core.LeadsTouched;
import com.leadflow.crmsync.LeadStageChanged;
import com.leadflow.crmsync.LifecycleStage;

/**
 * When nurture tracks are re-evaluated: on a touch, a batch's touches that can change a decision, or a consent
 * decided through the privacy API (after commit, through the publication registry), and on a move into or out of
 * NURTURING (in the move's transaction, so task and outbox message commit with it: the leads moved in a transaction
 * are evaluated together just before it commits, one query per table).
 */
@Component
class NurtureListeners {

	private final NurtureTracks tracks;

	NurtureListeners(NurtureTracks tracks) {
		this.tracks = tracks;
	}

	@ApplicationModuleListener
	void on(LeadTouched touched) {
		tracks.evaluateAll(List.of(touched.leadId())); // the lead may be gone meanwhile (a reverted import): skipped
	}

	/**
	 * Only what a batch can change is decided again: leads whose touch is an action some rule looks at, and leads
	 * whose consents the batch changed. A page view or an e-mail open leaves every rule's answer as it was.
	 */
	@ApplicationModuleListener
	void on(LeadsTouched touched) {
		Set<String> decisive = tracks.decisiveActions();
		Set<Long> leads = new LinkedHashSet<>(touched.consentChanged());
		touched.touches().stream().filter(t -> decisive.contains(t.action().name())).forEach(t -> leads.add(t.leadId()));
		if (!leads.isEmpty()) {
			tracks.evaluateAll(leads);
		}
	}

	@ApplicationModuleListener
	void on(LeadConsentChanged changed) {
		tracks.evaluateAll(List.of(changed.leadId()));
	}

	@EventListener
	@Order(30)
	void on(LeadStageChanged change) {
		if (change.to() != LifecycleStage.NURTURING && change.from() != LifecycleStage.NURTURING) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			tracks.evaluate(change.leadId());
			return;
		}
		@SuppressWarnings("unchecked")
		Set<Long> pending = (Set<Long>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Set<Long> leads = new TreeSet<>();
			TransactionSynchronizationManager.bindResource(this, leads);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					TransactionSynchronizationManager.unbindResource(NurtureListeners.this);
					tracks.evaluateAll(leads);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(NurtureListeners.this);
				}
			});
			pending = leads;
		}
		pending.add(change.leadId());
	}
}
