package com.leadflow.crmsync.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.crmsync.config.CrmSyncClock;
import com.leadflow.crmsync.config.CrmSyncProperties;

/**
 * Delivers outbox messages at least once. A poll claims due messages with {@code FOR UPDATE SKIP LOCKED} (so any
 * number of workers, on any number of nodes, never deliver one message concurrently), and only a lead's oldest
 * undelivered message is due: a later message waits while an earlier one is pending or dead (until it is replayed). The row lock is held while the
 * message is sent and its outcome stored; a crash rolls the claim back and the message is sent again later (the
 * receiver deduplicates by {@code Idempotency-Key}). Failures wait with exponential backoff and jitter; after
 * {@code max-attempts} (or a non-retryable 4xx) the message becomes a dead letter until it is replayed.
 */
@Component
public class OutboxWorker {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final PeerConnector connector;

	private final CrmSyncClock clock;

	private final CrmSyncProperties.Outbox settings;

	private final Backoff backoff;

	OutboxWorker(JdbcClient jdbc, TransactionTemplate tx, PeerConnector connector, CrmSyncClock clock,
			CrmSyncProperties properties) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.connector = connector;
		this.clock = clock;
		this.settings = properties.outbox();
		this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), settings.jitter(),
				() -> ThreadLocalRandom.current().nextDouble());
	}

	/** Delivers due messages until none is due (bounded per call); returns how many were delivered. */
	public int deliverDue() {
		int delivered = 0;
		for (int round = 0; round < 50; round++) {
			int[] result = tx.execute(status -> deliverBatch());
			delivered += result[1];
			if (result[0] == 0) {
				break;
			}
		}
		return delivered;
	}

	/** One claim: returns {claimed, delivered}. */
	private int[] deliverBatch() {
		Instant now = clock.now();
		List<OutboxMessage> claimed = jdbc.sql("""
				select * from outbox_message m
				where m.status = 'PENDING' and m.next_attempt_at <= ?
				  and not exists (select 1 from outbox_message e
				                  where e.lead_id = m.lead_id and e.status in ('PENDING', 'DEAD') and e.id < m.id)
				order by m.next_attempt_at, m.id
				limit ?
				for update skip locked""")
			.params(Timestamp.from(now), settings.batchSize())
			.query((rs, i) -> Outbox.message(rs)).list();
		int delivered = 0;
		for (OutboxMessage message : claimed) {
			PeerConnector.Outcome outcome = connector.send(message);
			if (outcome.delivered()) {
				delivered++;
				jdbc.sql("""
						update outbox_message set status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?,
						       last_status = ?, last_error = null where id = ?""")
					.params(Timestamp.from(clock.now()), outcome.status(), message.id()).update();
			}
			else {
				failed(message, outcome);
			}
		}
		return new int[] { claimed.size(), delivered };
	}

	private void failed(OutboxMessage message, PeerConnector.Outcome outcome) {
		int attempts = message.attempts() + 1;
		boolean dead = !outcome.retryable() || attempts >= settings.maxAttempts();
		Instant next = clock.now().plus(backoff.after(attempts));
		String error = outcome.error() == null ? "failed" : outcome.error();
		if (error.length() > 1000) {
			error = error.substring(0, 1000);
		}
		jdbc.sql("""
				update outbox_message set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, last_status = ?
				where id = ?""")
			.params(dead ? "DEAD" : "PENDING", attempts, Timestamp.from(next), error, outcome.status(), message.id())
			.update();
		if (dead) {
			log.warn("Outbox message {} ({} to {}, lead {}) is a dead letter after {} attempt(s): {}", message.id(),
					message.kind(), message.peer(), message.leadId(), attempts, error);
		}
		else {
			log.info("Outbox message {} to {} failed (attempt {}): {}; next at {}", message.id(), message.peer(),
					attempts, error, next);
		}
	}

	/** Removes delivered messages older than the audit period. */
	public int purgeDelivered() {
		return jdbc.sql("delete from outbox_message where status = 'DELIVERED' and delivered_at < ?")
			.param(Timestamp.from(clock.now().minus(settings.keepDelivered()))).update();
	}
}
