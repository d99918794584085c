package com.leadflow.crmsync.routing;

import java.sql.Timestamp;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.crmsync.LeadLifecycle;
import com.leadflow.crmsync.LeadLifecycle.Move;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.crmsync.config.CrmSyncClock;
import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.scoring.LeadBandChanged;
import com.leadflow.scoring.ScoreBand;

/**
 * Routes a lead by its new band. Hot: MQL (which queues it for an SDR and sends a call task), re-engaging a recycled
 * lead first. Warm: the event-invitation list (and nurturing if new). Cool: nurturing (an MQL no SDR has taken yet
 * goes back too). Leads further down the funnel (SAL and later) are not moved by score; recycled leads wait for their
 * re-engage date unless they turn Hot.
 */
@Service
public class BandRouter {

	static final String ACTOR = "system:routing";

	private final LeadLifecycle lifecycle;

	private final JdbcClient jdbc;

	private final CrmSyncClock clock;

	private final CrmSyncProperties.Routing routing;

	BandRouter(LeadLifecycle lifecycle, JdbcClient jdbc, CrmSyncClock clock, CrmSyncProperties properties) {
		this.lifecycle = lifecycle;
		this.jdbc = jdbc;
		this.clock = clock;
		this.routing = properties.routing();
	}

	@Transactional
	public void route(LeadBandChanged change) {
		LeadLifecycle.LeadStage current = lifecycle.stageForUpdate(change.leadId());
		long id = current.leadId();
		LifecycleStage stage = current.stage();
		String why = "band " + change.oldBand() + " -> " + change.newBand() + " (score " + change.score() + ", fit "
				+ change.fitGrade() + ")";
		if (change.newBand() == ScoreBand.HOT) {
			if (stage == LifecycleStage.RECYCLED) {
				lifecycle.move(id, new Move(LifecycleStage.NURTURING, null, null, "re-engaged: " + why, ACTOR));
				stage = LifecycleStage.NURTURING;
			}
			if (Set.of(LifecycleStage.NEW, LifecycleStage.NURTURING).contains(stage)) {
				lifecycle.move(id, new Move(LifecycleStage.MQL, null, null, why, ACTOR));
			}
		}
		else if (change.newBand() == ScoreBand.WARM) {
			jdbc.sql("insert into event_invitation (lead_id, list_name, added_at) values (?, ?, ?) on conflict do nothing")
				.params(id, routing.invitationList(), Timestamp.from(clock.now())).update();
			if (stage == LifecycleStage.NEW) {
				lifecycle.move(id, new Move(LifecycleStage.NURTURING, null, null, why, ACTOR));
			}
		}
		else if (stage == LifecycleStage.NEW || stage == LifecycleStage.MQL) {
			lifecycle.move(id, new Move(LifecycleStage.NURTURING, null, null, why, ACTOR));
		}
	}
}
