package com.leadflow.crmsync.routing;

import java.sql.Timestamp;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.core.LeadPool;
import com.leadflow.crmsync.LeadLifecycle;
import com.leadflow.crmsync.LeadLifecycle.Move;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.crmsync.RecycleReason;
import com.leadflow.crmsync.config.CrmSyncClock;
import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.crmsync.lifecycle.LifecycleRecords;

/**
 * The lifecycle's timers, claimed with {@code FOR UPDATE SKIP LOCKED} so any node may run them: a new SQL not
 * accepted within the SLA is escalated (owner → {@code escalate-to}, recorded) and, if configured, returned to the
 * SDR (SAL); an MQL nobody worked within {@code mql-contact} is flagged stale in the SDR queue; a recycled lead whose
 * re-engage date has come goes back to nurturing.
 */
@Component
public class LifecycleTimers {

	private static final Logger log = LoggerFactory.getLogger(LifecycleTimers.class);

	private final LifecycleRecords records;

	private final LeadLifecycle lifecycle;

	private final LeadPool pool;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final CrmSyncClock clock;

	private final CrmSyncProperties.Sla sla;

	LifecycleTimers(LifecycleRecords records, LeadLifecycle lifecycle, LeadPool pool, JdbcClient jdbc,
			TransactionTemplate tx, CrmSyncClock clock, CrmSyncProperties properties) {
		this.records = records;
		this.lifecycle = lifecycle;
		this.pool = pool;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.sla = properties.sla();
	}

	/** Escalates every SQL whose acceptance timer ran out; returns how many. */
	public int escalateExpiredSqls() {
		Integer done = tx.execute(status -> {
			Instant now = clock.now();
			int count = 0;
			for (long leadId : records.slaExpired(now, 100)) {
				Instant due = records.find(leadId).orElseThrow().slaDueAt();
				jdbc.sql("""
						insert into sla_escalation (lead_id, due_at, escalated_at, escalated_to, returned)
						values (?, ?, ?, ?, ?)""")
					.params(leadId, Timestamp.from(due), Timestamp.from(now), sla.escalateTo(), sla.returnToSdr())
					.update();
				pool.assignOwner(leadId, sla.escalateTo(), "SLA");
				if (sla.returnToSdr()) {
					lifecycle.move(leadId, new Move(LifecycleStage.SAL, RecycleReason.SLA_EXPIRED.name(), null,
							"not accepted by sales within " + sla.sqlAcceptance() + ", escalated to " + sla.escalateTo(),
							"system:sla"));
				}
				else {
					records.clearSla(leadId);
				}
				log.info("SQL lead {} missed its acceptance SLA (due {}), escalated to {}", leadId, due, sla.escalateTo());
				count++;
			}
			return count;
		});
		return done == null ? 0 : done;
	}

	/** Flags open queue entries of MQLs nobody worked within {@code sla.mql-contact}; returns how many. */
	public int flagStaleMqls() {
		Instant now = clock.now();
		int flagged = jdbc.sql("""
				update sdr_queue_entry q set stale_at = ? from lead_lifecycle l
				where q.closed_at is null and q.stale_at is null and q.queued_at <= ?
				  and l.lead_id = q.lead_id and l.stage = 'MQL'""")
			.params(Timestamp.from(now), Timestamp.from(now.minus(sla.mqlContact()))).update();
		if (flagged > 0) {
			log.info("{} MQL(s) not worked within {} flagged stale", flagged, sla.mqlContact());
		}
		return flagged;
	}

	/** Returns recycled leads whose re-engage date has come to nurturing; returns how many. */
	public int reengageRecycledLeads() {
		Integer done = tx.execute(status -> {
			int count = 0;
			for (long leadId : records.dueForReengagement(clock.today(), 100)) {
				lifecycle.move(leadId, new Move(LifecycleStage.NURTURING, null, null, "re-engage date reached",
						"system:reengage"));
				count++;
			}
			return count;
		});
		return done == null ? 0 : done;
	}
}
