package com.leadflow.campaigns.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.leadflow.campaigns.importing.ImportJob.Status;
import com.leadflow.campaigns.importing.RowMapper.RowProblem;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored import jobs: creation, claiming with {@code FOR UPDATE SKIP LOCKED}, batch commits and rejected rows. */
@Repository
public class ImportJobs {

	/**
	 * A row of the job's report: its number, problems and cells as read; {@code rejected} false for a row that was
	 * stored without the fields its problems name.
	 */
	public record RejectedRow(long rowNo, List<RowProblem> problems, List<String> cells, boolean rejected) {
	}

	/** What one committed batch adds to a job; {@code reported}: its rejected rows and its rows with warnings. */
	record BatchOutcome(long lastRowNo, long read, long created, long matched, long duplicatesInFile, long skipped,
			long failed, long withWarnings, List<RejectedRow> reported) {
	}

	private static final String COLUMNS = "id, upload_id, series_id, channel, mode, dry_run, strict, mapping::text, status, "
			+ "total_rows, position, rows_read, rows_created, rows_matched, rows_in_file_dupes, rows_skipped, rows_failed, "
			+ "rows_with_warnings, "
			+ "attempts, last_error, created_at, started_at, finished_at, reverted_at, revert_result::text";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	ImportJobs(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	public long create(long uploadId, long seriesId, String channel, ImportMode mode, boolean dryRun, boolean strict,
			Map<Integer, LeadField> mapping, long totalRows) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into import_job (upload_id, series_id, channel, mode, dry_run, strict, mapping, total_rows)
				values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
			.params(uploadId, seriesId, channel, mode.name(), dryRun, strict,
					json.writeValueAsString(new TreeMap<>(mapping)), totalRows)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<ImportJob> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from import_job where id = ?").param(id).query(this::job).optional();
	}

	public List<ImportJob> recent(int limit) {
		return jdbc.sql("select " + COLUMNS + " from import_job order by id desc limit ?").param(limit).query(this::job).list();
	}

	/**
	 * Claims the oldest open job nobody holds (queued, or running with an expired lease: its node died or stopped)
	 * for {@code lease}; call inside a transaction.
	 */
	Optional<Long> claim(String node, Duration lease) {
		return jdbc.sql("""
				update import_job set status = 'RUNNING', claimed_by = ?, claimed_until = now() + ?::interval,
				    attempts = attempts + 1, started_at = coalesce(started_at, now()), updated_at = now()
				where id = (select id from import_job
				            where status in ('QUEUED', 'RUNNING') and (claimed_until is null or claimed_until < now())
				            order by id limit 1 for update skip locked)
				returning id""")
			.params(node, lease.toMillis() + " milliseconds").query(Long.class).optional();
	}

	/** Adds a batch's counts and moves the position, if this node still holds the job; false when it lost it. */
	boolean commitBatch(long jobId, String node, Duration lease, BatchOutcome batch) {
		if (!batch.reported().isEmpty()) {
			template.batchUpdate("""
					insert into import_row_error (job_id, row_no, problems, cells, rejected)
					values (?, ?, ?::jsonb, ?::jsonb, ?) on conflict do nothing""",
					batch.reported().stream().map(r -> new Object[] { jobId, r.rowNo(), json.writeValueAsString(r.problems()),
							json.writeValueAsString(r.cells()), r.rejected() }).toList());
		}
		return jdbc.sql("""
				update import_job set position = ?, rows_read = rows_read + ?, rows_created = rows_created + ?,
				    rows_matched = rows_matched + ?, rows_in_file_dupes = rows_in_file_dupes + ?,
				    rows_skipped = rows_skipped + ?, rows_failed = rows_failed + ?,
				    rows_with_warnings = rows_with_warnings + ?, claimed_until = now() + ?::interval, updated_at = now()
				where id = ? and claimed_by = ? and status = 'RUNNING' and position < ?""")
			.params(batch.lastRowNo(), batch.read(), batch.created(), batch.matched(), batch.duplicatesInFile(),
					batch.skipped(), batch.failed(), batch.withWarnings(), lease.toMillis() + " milliseconds", jobId, node, batch.lastRowNo())
			.update() == 1;
	}

	boolean finish(long jobId, String node) {
		return jdbc.sql("""
				update import_job set status = 'SUCCEEDED', finished_at = now(), claimed_by = null, claimed_until = null,
				    updated_at = now()
				where id = ? and claimed_by = ? and status = 'RUNNING'""").params(jobId, node).update() == 1;
	}

	/** Gives a failing job back (retried after {@code retryAfter}) or, after too many attempts, marks it FAILED. */
	void release(long jobId, String node, String error, int maxAttempts, Duration retryAfter) {
		jdbc.sql("""
				update import_job set last_error = ?, updated_at = now(), claimed_until = now() + ?::interval,
				    status = case when attempts >= ? then 'FAILED' else status end,
				    finished_at = case when attempts >= ? then now() else finished_at end
				where id = ? and claimed_by = ? and status = 'RUNNING'""")
			.params(error, retryAfter.toMillis() + " milliseconds", maxAttempts, maxAttempts, jobId, node).update();
	}

	/** Gives the job back at once (graceful stop): another node, or this one after a restart, resumes it. */
	void unclaim(long jobId, String node) {
		jdbc.sql("update import_job set claimed_by = null, claimed_until = null, updated_at = now() where id = ? and claimed_by = ?")
			.params(jobId, node).update();
	}

	public boolean cancel(long jobId) {
		return jdbc.sql("""
				update import_job set status = 'CANCELLED', finished_at = now(), claimed_by = null, claimed_until = null,
				    updated_at = now()
				where id = ? and status in ('QUEUED', 'RUNNING')""").param(jobId).update() == 1;
	}

	/**
	 * Claims an ended job for its revert (status REVERTING, held for {@code lease} and renewed per batch); a revert
	 * whose node died is claimed again once its lease ran out. False when the job is running, reverted, a dry run, or
	 * being reverted by another caller.
	 */
	boolean claimRevert(long jobId, String node, Duration lease) {
		return jdbc.sql("""
				update import_job set status = 'REVERTING', claimed_by = ?, claimed_until = now() + ?::interval,
				    updated_at = now()
				where id = ? and not dry_run and (status in ('SUCCEEDED', 'FAILED', 'CANCELLED')
				      or (status = 'REVERTING' and claimed_until < now()))""")
			.params(node, lease.toMillis() + " milliseconds", jobId).update() == 1;
	}

	void renewRevert(long jobId, String node, Duration lease) {
		jdbc.sql("update import_job set claimed_until = now() + ?::interval where id = ? and claimed_by = ?")
			.params(lease.toMillis() + " milliseconds", jobId, node).update();
	}

	void finishRevert(long jobId, String node, Map<String, Object> result) {
		jdbc.sql("""
				update import_job set status = 'REVERTED', reverted_at = now(), revert_result = ?::jsonb, claimed_by = null,
				    claimed_until = null, updated_at = now()
				where id = ? and claimed_by = ?""").params(json.writeValueAsString(result), jobId, node).update();
	}

	/** The report's rows (rejected, and stored with warnings) after {@code afterRowNo}, in row order. */
	public List<RejectedRow> rejected(long jobId, long afterRowNo, int limit) {
		return jdbc.sql("""
				select row_no, problems::text, cells::text, rejected from import_row_error where job_id = ? and row_no > ?
				order by row_no limit ?""")
			.params(jobId, afterRowNo, limit)
			.query((rs, i) -> new RejectedRow(rs.getLong(1), json.readValue(rs.getString(2),
					new TypeReference<List<RowProblem>>() {
					}), json.readValue(rs.getString(3), new TypeReference<List<String>>() {
					}), rs.getBoolean(4)))
			.list();
	}

	private ImportJob job(ResultSet rs, int row) throws SQLException {
		Map<Integer, LeadField> mapping = new TreeMap<>(json.readValue(rs.getString("mapping"),
				new TypeReference<Map<Integer, LeadField>>() {
				}));
		return new ImportJob(rs.getLong("id"), rs.getLong("upload_id"), rs.getLong("series_id"), rs.getString("channel"),
				ImportMode.valueOf(rs.getString("mode")), rs.getBoolean("dry_run"), rs.getBoolean("strict"), mapping,
				Status.valueOf(rs.getString("status")), rs.getLong("total_rows"), rs.getLong("position"),
				rs.getLong("rows_read"), rs.getLong("rows_created"), rs.getLong("rows_matched"),
				rs.getLong("rows_in_file_dupes"), rs.getLong("rows_skipped"), rs.getLong("rows_failed"),
				rs.getLong("rows_with_warnings"),
				rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "started_at"),
				instant(rs, "finished_at"), instant(rs, "reverted_at"), rs.getString("revert_result") == null ? null
						: json.readValue(rs.getString("revert_result"), new TypeReference<Map<String, Object>>() {
						}));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}
}
