package com.leadflow.scoring.lead;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.leadflow.core.LeadMergeUndone;
import com.leadflow.core.LeadMerged;
import com.leadflow.core.LeadProfileChanged;
import com.leadflow.core.LeadTouched;

/**
 * Re-scores a lead when the pool reports a change to it: after the pool's transaction commits (or at once when it
 * published outside one), handed to the {@link RescoreQueue} so arrivals never wait for scoring.
 */
@Component
class LeadEventsListener {

	private final RescoreQueue queue;

	LeadEventsListener(RescoreQueue queue) {
		this.queue = queue;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(LeadTouched event) {
		queue.submit(event.leadId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(LeadProfileChanged event) {
		queue.submit(event.leadId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(LeadMerged event) {
		queue.submit(event.absorbedId());
		queue.submit(event.survivorId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(LeadMergeUndone event) {
		queue.submit(event.survivorId());
		queue.submit(event.restoredId());
	}
}
