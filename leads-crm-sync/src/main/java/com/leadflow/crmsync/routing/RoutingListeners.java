package com.leadflow.crmsync.routing;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.leadflow.crmsync.LeadStageChanged;
import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.scoring.LeadBandChanged;
import com.leadflow.scoring.LeadBandsChanged;
import com.leadflow.scoring.RecycleRule;
import com.leadflow.scoring.ScoringService;

/**
 * Reactions after commit, through Spring Modulith's publication registry (a crash before completion replays them at
 * restart): band changes are routed; a recycled lead's behaviour score is decayed by scoring, so that it must earn
 * its way back to Hot with new touches.
 */
@Component
class RoutingListeners {

	private final BandRouter router;

	private final ScoringService scoring;

	private final CrmSyncProperties.Recycling recycling;

	RoutingListeners(BandRouter router, ScoringService scoring, CrmSyncProperties properties) {
		this.router = router;
		this.scoring = scoring;
		this.recycling = properties.recycling();
	}

	@ApplicationModuleListener
	void on(LeadBandChanged change) {
		router.route(change);
	}

	@ApplicationModuleListener
	void on(LeadBandsChanged changes) {
		router.routeAll(changes.changes());
	}

	/** Only moves to RECYCLED: the condition keeps the registry from storing a publication for every other move. */
	@ApplicationModuleListener(condition = "#change.to() == T(com.leadflow.crmsync.LifecycleStage).RECYCLED")
	void on(LeadStageChanged change) {
		scoring.recycle(change.leadId(), RecycleRule.decay(recycling.keepBehaviour(), change.reason()));
	}
}
