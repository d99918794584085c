package com.leadflow.scoring.lead;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.leadflow.core.LeadMergeUndone;
import com.leadflow.core.LeadMerged;
import com.leadflow.core.LeadProfileChanged;
import com.leadflow.core.LeadProfilesChanged;
import com.leadflow.core.LeadTouched;
import com.leadflow.core.LeadsTouched;

/**
 * Re-scores a lead when the pool reports a change to it, after the pool's transaction commits, in a transaction of
 * its own. Events come through Spring Modulith's publication registry: one whose re-score failed (or was cut by a
 * crash) is delivered again at the next start.
 */
@Component
class LeadEventsListener {

	private final LeadScoring scoring;

	LeadEventsListener(LeadScoring scoring) {
		this.scoring = scoring;
	}

	@ApplicationModuleListener
	void on(LeadTouched event) {
		scoring.rescore(event.leadId());
	}

	@ApplicationModuleListener
	void on(LeadsTouched event) {
		scoring.rescoreArrivals(event);
	}

	@ApplicationModuleListener
	void on(LeadProfileChanged event) {
		scoring.rescore(event.leadId());
	}

	@ApplicationModuleListener
	void on(LeadProfilesChanged event) {
		scoring.rescoreBatch(event.leadIds()); // leads merged away meanwhile are skipped: their survivor was scored
	}

	@ApplicationModuleListener
	void on(LeadMerged event) {
		scoring.rescore(event.absorbedId()); // drops the absorbed id's rows
		scoring.rescore(event.survivorId());
	}

	@ApplicationModuleListener
	void on(LeadMergeUndone event) {
		scoring.rescore(event.survivorId());
		scoring.rescore(event.restoredId());
	}
}
