package com.leadflow.crmsync.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.crmsync.LeadStageChanged;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.crmsync.config.CrmSyncClock;
import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.crmsync.handoff.LeadDossier;
import com.leadflow.crmsync.outbox.Outbox;
import com.leadflow.crmsync.outbox.Peer;

/**
 * The SDR queue: a lead that becomes an MQL is assigned (territory, round-robin, key account) and queued for its
 * owner, in the transaction of the move. A prospect is sent to the call center as a call task (profile, timeline,
 * stage history, BANT questions) through the outbox — only with CALLS consent: without it (never given, withdrawn,
 * do-not-call) the entry stays in the queue with the reason and no call task goes out. A known customer goes to its
 * account owner, who is notified through the CRM instead of the call center. Leaving MQL/SAL closes the entry.
 */
@Component
public class SdrQueue {

	static final String CALL_TASK = "call-task";

	static final String OWNER_NOTIFICATION = "crm-owner-notification";

	static final String NO_CALL_CONSENT = "no CALLS consent (never given, withdrawn or do-not-call): no call task sent";

	/**
	 * One open entry of the queue.
	 * @param contactBlocked why the lead may not be called (null when it may)
	 * @param staleAt when the entry was flagged stale: an MQL nobody worked within {@code sla.mql-contact}
	 */
	public record Entry(long id, long leadId, String team, String owner, Instant queuedAt, String contactBlocked,
			Instant staleAt) {
	}

	/** The notice to a known customer's account owner, delivered to the CRM. */
	record OwnerNotification(String owner, long leadId, String leadName, String companyName, String message,
			boolean mayCall) {
	}

	/** The call task sent to the call center. */
	record CallTask(String taskId, long leadId, String team, String sdr, LeadDossier.Dossier lead,
			List<CrmSyncProperties.Question> questions) {
	}

	private final JdbcClient jdbc;

	private final Assignment assignment;

	private final LeadPool pool;

	private final Outbox outbox;

	private final LeadDossier dossiers;

	private final CrmSyncClock clock;

	private final CrmSyncProperties properties;

	SdrQueue(JdbcClient jdbc, Assignment assignment, LeadPool pool, Outbox outbox, LeadDossier dossiers,
			CrmSyncClock clock, CrmSyncProperties properties) {
		this.jdbc = jdbc;
		this.assignment = assignment;
		this.pool = pool;
		this.outbox = outbox;
		this.dossiers = dossiers;
		this.clock = clock;
		this.properties = properties;
	}

	@EventListener
	@Order(10)
	void on(LeadStageChanged event) {
		if (event.to() == LifecycleStage.MQL) {
			enqueue(event.leadId());
		}
		else if (event.to() != LifecycleStage.SAL
				&& (event.from() == LifecycleStage.MQL || event.from() == LifecycleStage.SAL)) { // the stages with an entry
			jdbc.sql("update sdr_queue_entry set closed_at = ?, outcome = ? where lead_id = ? and closed_at is null")
				.params(Timestamp.from(clock.now()), event.to().name(), event.leadId()).update();
		}
	}

	private void enqueue(long leadId) {
		LeadSnapshot lead = pool.find(leadId).orElseThrow();
		Assignment.Assignee assignee = assignment.assign(lead);
		pool.assignOwner(leadId, assignee.owner(), "ROUTING");
		boolean mayCall = pool.hasConsent(leadId, ConsentPurpose.CALLS);
		long entry = jdbc.sql("""
				insert into sdr_queue_entry (lead_id, team, owner, queued_at, contact_blocked) values (?, ?, ?, ?, ?)
				on conflict (lead_id) where closed_at is null
				do update set team = excluded.team, owner = excluded.owner, contact_blocked = excluded.contact_blocked
				returning id""")
			.params(leadId, assignee.team(), assignee.owner(), Timestamp.from(clock.now()),
					mayCall ? null : NO_CALL_CONSENT)
			.query(Long.class).single();
		if (lead.existingCustomer()) {
			outbox.enqueue(leadId, Peer.CRM, OWNER_NOTIFICATION, "POST",
					properties.crm().path(OWNER_NOTIFICATION, "/notifications"),
					new OwnerNotification(assignee.owner(), leadId, lead.name(), lead.companyName(),
							"Your customer " + (lead.name() == null ? "lead " + leadId : lead.name())
									+ " is sales-ready (MQL) and was routed to you."
									+ (mayCall ? "" : " Do not call: no consent for calls."),
							mayCall));
		}
		else if (mayCall) {
			outbox.enqueue(leadId, Peer.CALL_CENTER, CALL_TASK, "POST",
					properties.callCenter().path(CALL_TASK, "/call-tasks"),
					new CallTask("leadflow-task-" + entry, leadId, assignee.team(), assignee.owner(),
							dossiers.of(leadId), properties.qualification().questions()));
		}
	}

	/** Open entries, oldest first, optionally of one owner. */
	public List<Entry> open(String owner) {
		return jdbc.sql("""
				select id, lead_id, team, owner, queued_at, contact_blocked, stale_at from sdr_queue_entry
				where closed_at is null and (cast(? as text) is null or owner = ?) order by queued_at, id""")
			.params(owner, owner)
			.query((rs, i) -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getString(6),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.list();
	}

}
