package com.leadflow.crmsync.webhook;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.LeadPool;
import com.leadflow.crmsync.LeadLifecycle;
import com.leadflow.crmsync.LeadLifecycle.LeadStage;
import com.leadflow.crmsync.LeadLifecycle.Move;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.crmsync.config.CrmSyncClock;
import com.leadflow.crmsync.lifecycle.LifecycleProblem;
import com.leadflow.crmsync.qualification.SdrQualification;
import com.leadflow.crmsync.qualification.SdrQualification.CallOutcome;

/**
 * Applies verified webhook events. Each event id is claimed in {@code inbound_webhook_event} in the same transaction
 * as its effect: a replay of an applied event is refused and changes nothing, and an event whose effect failed can
 * be sent again.
 */
@Service
class InboundWebhooks {

	static final String CALL_CENTER = "call-center";

	static final String CRM = "crm";

	/** A call center's report of an SDR call. */
	record CallOutcomeEvent(String eventId, Long leadId, SdrQualification.Outcome outcome, String reason,
			LocalDate reengageAfter, Map<String, String> answers, String note, String agent) {
	}

	/** What sales decided in the CRM about a lead we pushed. */
	enum Decision {
		ACCEPTED, REJECTED, WON, LOST
	}

	/** A CRM's decision on an SQL or opportunity. */
	record CrmDecisionEvent(String eventId, Long leadId, Decision decision, String reason, LocalDate reengageAfter,
			String owner, String note) {
	}

	private final JdbcClient jdbc;

	private final LeadLifecycle lifecycle;

	private final SdrQualification qualification;

	private final LeadPool pool;

	private final CrmSyncClock clock;

	InboundWebhooks(JdbcClient jdbc, LeadLifecycle lifecycle, SdrQualification qualification, LeadPool pool,
			CrmSyncClock clock) {
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.qualification = qualification;
		this.pool = pool;
		this.clock = clock;
	}

	@Transactional
	public LeadStage callOutcome(CallOutcomeEvent event) {
		claim(CALL_CENTER, event.eventId(), event.leadId());
		return qualification.record(event.leadId(), new CallOutcome(event.outcome(), event.reason(),
				event.reengageAfter(), event.answers(), event.note(),
				event.agent() == null ? CALL_CENTER : event.agent()));
	}

	@Transactional
	public LeadStage crmDecision(CrmDecisionEvent event) {
		claim(CRM, event.eventId(), event.leadId());
		if (event.decision() == null) {
			throw LifecycleProblem.invalid("decision", "one of ACCEPTED, REJECTED, WON, LOST is required");
		}
		long id = event.leadId();
		LifecycleStage stage = lifecycle.stageForUpdate(id).stage();
		if (event.owner() != null && !event.owner().isBlank()) {
			pool.assignOwner(id, event.owner(), "CRM");
		}
		return switch (event.decision()) {
			case ACCEPTED -> lifecycle.move(id, new Move(LifecycleStage.OPPORTUNITY, null, null, event.note(), CRM));
			case REJECTED -> lifecycle.move(id, new Move(LifecycleStage.RECYCLED,
					event.reason() == null ? "OTHER" : event.reason(), event.reengageAfter(), event.note(), CRM));
			case WON -> {
				if (stage == LifecycleStage.SQL) {
					lifecycle.move(id, new Move(LifecycleStage.OPPORTUNITY, null, null, "accepted and won", CRM));
				}
				yield lifecycle.move(id, new Move(LifecycleStage.WON, event.reason(), null, event.note(), CRM));
			}
			case LOST -> lifecycle.move(id, new Move(LifecycleStage.LOST, event.reason(), null, event.note(), CRM));
		};
	}

	private void claim(String source, String eventId, Long leadId) {
		if (eventId == null || eventId.isBlank()) {
			throw LifecycleProblem.invalid("eventId", "required");
		}
		if (leadId == null) {
			throw LifecycleProblem.invalid("leadId", "required");
		}
		int inserted = jdbc.sql("""
				insert into inbound_webhook_event (source, event_id, lead_id, received_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(source, eventId.strip(), leadId, Timestamp.from(clock.now())).update();
		if (inserted == 0) {
			throw WebhookProblem.duplicate(source, eventId);
		}
	}
}
