package com.leadflow.crmsync.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.crmsync.config.CrmSyncClock;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox table: messages are written in the caller's transaction (the one that changes the state they report),
 * so a message exists exactly when its state change committed; the {@link OutboxWorker} delivers them.
 */
@Component
public class Outbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CrmSyncClock clock;

	Outbox(JdbcClient jdbc, JsonMapper json, CrmSyncClock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Adds a message to the outbox inside the current transaction (there must be one). */
	@Transactional(propagation = Propagation.MANDATORY)
	public long enqueue(long leadId, Peer peer, String kind, String httpMethod, String path, Object payload) {
		Instant now = clock.now();
		return jdbc.sql("""
				insert into outbox_message (lead_id, peer, kind, http_method, path, payload, idempotency_key,
				                            next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) returning id""")
			.params(leadId, peer.name(), kind, httpMethod, path, json.writeValueAsString(payload), UUID.randomUUID(),
					Timestamp.from(now), Timestamp.from(now))
			.query(Long.class).single();
	}

	public List<OutboxMessage> ofLead(long leadId) {
		return jdbc.sql("select * from outbox_message where lead_id = ? order by id").param(leadId)
			.query((rs, i) -> message(rs)).list();
	}

	public List<OutboxMessage> deadLetters(long afterId, int limit) {
		return jdbc.sql("select * from outbox_message where status = 'DEAD' and id > ? order by id limit ?")
			.params(afterId, limit).query((rs, i) -> message(rs)).list();
	}

	/** Puts a dead letter back in line with fresh attempts; false if there is no such dead letter. */
	@Transactional
	public boolean replay(long id) {
		return jdbc.sql("""
				update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = null
				where id = ? and status = 'DEAD'""")
			.params(Timestamp.from(clock.now()), id).update() == 1;
	}

	static OutboxMessage message(ResultSet rs) throws SQLException {
		Timestamp delivered = rs.getTimestamp("delivered_at");
		return new OutboxMessage(rs.getLong("id"), rs.getLong("lead_id"), Peer.valueOf(rs.getString("peer")),
				rs.getString("kind"), rs.getString("http_method"), rs.getString("path"), rs.getString("payload"),
				rs.getObject("idempotency_key", UUID.class), rs.getString("status"), rs.getInt("attempts"),
				rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
				(Integer) rs.getObject("last_status"), rs.getTimestamp("created_at").toInstant(),
				delivered == null ? null : delivered.toInstant());
	}
}
