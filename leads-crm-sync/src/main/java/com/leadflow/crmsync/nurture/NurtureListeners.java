package com.leadflow.crmsync.nurture;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadTouched;
import com.leadflow.crmsync.LeadStageChanged;
import com.leadflow.crmsync.LifecycleStage;

/**
 * When nurture tracks are re-evaluated: on every touch (after commit, through the publication registry) and on a
 * move into or out of NURTURING (in the move's transaction, so task and outbox message commit with it).
 */
@Component
class NurtureListeners {

	private final NurtureTracks tracks;

	private final LeadPool pool;

	NurtureListeners(NurtureTracks tracks, LeadPool pool) {
		this.tracks = tracks;
		this.pool = pool;
	}

	@ApplicationModuleListener
	void on(LeadTouched touched) {
		if (pool.canonicalId(touched.leadId()) != 0) { // the lead may be gone meanwhile (a reverted import)
			tracks.evaluate(touched.leadId());
		}
	}

	@EventListener
	@Order(30)
	void on(LeadStageChanged change) {
		if (change.to() == LifecycleStage.NURTURING || change.from() == LifecycleStage.NURTURING) {
			tracks.evaluate(change.leadId());
		}
	}
}
