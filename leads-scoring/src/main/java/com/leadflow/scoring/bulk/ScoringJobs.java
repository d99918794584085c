package com.leadflow.scoring.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Jobs (table {@code scoring_job}), claimed by any node with {@code FOR UPDATE SKIP LOCKED}. */
@Repository
public class ScoringJobs {

	static final String RESCORE = "RESCORE";

	private final JdbcClient jdbc;

	ScoringJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public ScoringJob enqueueRescore(Long modelId) {
		long id = jdbc.sql("insert into scoring_job (kind, model_id, status) values ('RESCORE', ?, 'PENDING') returning id")
			.param(modelId)
			.query(Long.class)
			.single();
		return byId(id).orElseThrow();
	}

	/**
	 * Queues a re-score of every lead unless one was queued less than {@code every} ago (or, with none yet, unless
	 * {@code since} is less than {@code every} ago); serialised across nodes by an advisory lock.
	 */
	boolean enqueueRefreshIfDue(java.time.Duration every, java.time.Instant since) {
		jdbc.sql("select pg_advisory_xact_lock(31, 0)").query(Object.class).list();
		return jdbc.sql("""
				insert into scoring_job (kind, status) select 'RESCORE', 'PENDING'
				where coalesce((select max(created_at) from scoring_job where kind = 'RESCORE'), cast(:since as timestamptz))
				      < now() - make_interval(secs => :seconds)""")
			.param("since", java.sql.Timestamp.from(since))
			.param("seconds", (double) every.toSeconds())
			.update() == 1;
	}

	public Optional<ScoringJob> byId(long id) {
		return jdbc.sql("select * from scoring_job where id = ?").param(id).query(this::map).optional();
	}

	/** Claims the oldest pending job, or a running one whose node stopped sending heartbeats. */
	Optional<ScoringJob> claim() {
		return jdbc.sql("""
				update scoring_job set status = 'RUNNING', started_at = coalesce(started_at, now()), heartbeat_at = now()
				where id = (select id from scoring_job
				            where status = 'PENDING' or (status = 'RUNNING' and heartbeat_at < now() - interval '2 minutes')
				            order by id for update skip locked limit 1)
				returning *""").query(this::map).optional();
	}

	void total(long id, int total) {
		jdbc.sql("update scoring_job set total_leads = ?, heartbeat_at = now() where id = ?").params(total, id).update();
	}

	void progress(long id, int processed, int bandChanges, long lastLeadId) {
		jdbc.sql("""
				update scoring_job set processed = processed + ?, band_changes = band_changes + ?, last_lead_id = ?,
				    heartbeat_at = now() where id = ?""")
			.params(processed, bandChanges, lastLeadId, id)
			.update();
	}

	void finish(long id, String error) {
		jdbc.sql("update scoring_job set status = ?, error = ?, finished_at = now() where id = ?")
			.params(error == null ? "DONE" : "FAILED", error, id)
			.update();
	}

	private ScoringJob map(ResultSet rs, int row) throws SQLException {
		long modelId = rs.getLong("model_id");
		Long model = rs.wasNull() ? null : modelId;
		int total = rs.getInt("total_leads");
		Integer totalLeads = rs.wasNull() ? null : total;
		return new ScoringJob(rs.getLong("id"), rs.getString("kind"), model, rs.getString("status"), totalLeads,
				rs.getInt("processed"), rs.getInt("band_changes"), rs.getLong("last_lead_id"), rs.getString("error"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
