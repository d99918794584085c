package com.leadflow.crmsync.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.LeadPool;
import com.leadflow.crmsync.LeadLifecycle;
import com.leadflow.crmsync.LeadLifecycle.Move;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.crmsync.offline.OfflineEvents;
import com.leadflow.scoring.LeadBandChanged;
import com.leadflow.scoring.ScoreBand;

/**
 * Routes a lead by its new band. Hot: MQL (which queues it for an SDR and sends a call task), re-engaging a recycled
 * lead first. Warm: an invitation to the next offline event of its region / industry, or the waiting list (and
 * nurturing if new). Cool: nurturing (an MQL no SDR has taken yet goes back too). Leads further down the funnel (SAL
 * and later) are not moved by score; recycled leads wait for their re-engage date unless they turn Hot. A band
 * change of a lead that no longer exists is dropped.
 */
@Service
public class BandRouter {

	static final String ACTOR = "system:routing";

	private final LeadLifecycle lifecycle;

	private final LeadPool pool;

	private final OfflineEvents events;

	BandRouter(LeadLifecycle lifecycle, LeadPool pool, OfflineEvents events) {
		this.lifecycle = lifecycle;
		this.pool = pool;
		this.events = events;
	}

	/**
	 * Routes several band changes in one transaction, as {@link #route} each in lead id order would. Leads whose
	 * changes are all Cool (most of them: new leads' first band) or all Warm are routed together, the others one by
	 * one in lead id order.
	 */
	@Transactional
	public void routeAll(List<LeadBandChanged> changes) {
		Map<Long, List<LeadBandChanged>> byLead = new TreeMap<>();
		changes.forEach(c -> byLead.computeIfAbsent(c.leadId(), k -> new ArrayList<>()).add(c));
		Map<Long, String> cool = new TreeMap<>();
		Map<Long, String> warm = new TreeMap<>();
		byLead.forEach((lead, its) -> {
			if (its.stream().allMatch(c -> c.newBand() == ScoreBand.COOL)) {
				cool.put(lead, why(its.get(0))); // the first change moves it, as route would
			}
			else if (its.stream().allMatch(c -> c.newBand() == ScoreBand.WARM)) {
				warm.put(lead, why(its.get(0)));
			}
		});
		lifecycle.moveAll(cool, Set.of(LifecycleStage.NEW, LifecycleStage.MQL), LifecycleStage.NURTURING, ACTOR);
		if (!warm.isEmpty()) {
			events.inviteAll(pool.findAll(warm.keySet())); // leads gone since they were scored are left out
			lifecycle.moveAll(warm, Set.of(LifecycleStage.NEW), LifecycleStage.NURTURING, ACTOR);
		}
		byLead.forEach((lead, its) -> {
			if (!cool.containsKey(lead) && !warm.containsKey(lead)) {
				its.forEach(this::route);
			}
		});
	}

	private static String why(LeadBandChanged change) {
		return "band " + change.oldBand() + " -> " + change.newBand() + " (score " + change.score() + ", fit "
				+ change.fitGrade() + ")";
	}

	@Transactional
	public void route(LeadBandChanged change) {
		if (pool.canonicalId(change.leadId()) == 0) {
			return; // gone since it was scored (a reverted import): nothing to route, and nothing to retry
		}
		LeadLifecycle.LeadStage current = lifecycle.stageForUpdate(change.leadId());
		long id = current.leadId();
		LifecycleStage stage = current.stage();
		String why = why(change);
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
			pool.find(id).ifPresent(lead -> events.inviteAll(List.of(lead)));
			if (stage == LifecycleStage.NEW) {
				lifecycle.move(id, new Move(LifecycleStage.NURTURING, null, null, why, ACTOR));
			}
		}
		else if (stage == LifecycleStage.NEW || stage == LifecycleStage.MQL) {
			lifecycle.move(id, new Move(LifecycleStage.NURTURING, null, null, why, ACTOR));
		}
	}
}
