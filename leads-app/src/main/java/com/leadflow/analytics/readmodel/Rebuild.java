package com.leadflow.analytics.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.leadflow.analytics.support.Problems;
import com.leadflow.core.LeadPool;
import com.leadflow.scoring.LeadScore;
import com.leadflow.scoring.ScoringService;

/**
 * Fills the read model from the APIs for data that existed before analytics (or after a fault): recomputes the
 * rollups from the facts, takes every lead's bands from scoring, and queues every lead (and every fact, so that gone
 * leads lose theirs) for the refresh worker, which any node runs.
 */
@Service
public class Rebuild {

	/** The last rebuild; {@code pending} is what the refresh worker still has to do. */
	public record Status(String status, Instant startedAt, Instant finishedAt, long enqueued, String startedBy,
			long pending) {
	}

	private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

	private static final int PAGE = 1000;

	private final JdbcTemplate jdbc;

	private final LeadPool pool;

	private final ScoringService scoring;

	private final DirtyLeads dirty;

	private final FactRefresher refresher;

	Rebuild(JdbcTemplate jdbc, LeadPool pool, ScoringService scoring, DirtyLeads dirty, FactRefresher refresher) {
		this.jdbc = jdbc;
		this.pool = pool;
		this.scoring = scoring;
		this.dirty = dirty;
		this.refresher = refresher;
	}

	public Status start(String by) {
		int claimed = jdbc.update("""
				insert into analytics_rebuild (id, status, started_at, enqueued, started_by) values (1, 'RUNNING', now(), 0, ?)
				on conflict (id) do update set status = 'RUNNING', started_at = now(), finished_at = null, enqueued = 0,
				    started_by = excluded.started_by
				where analytics_rebuild.status <> 'RUNNING' or analytics_rebuild.started_at < now() - interval '1 hour'""",
				by);
		if (claimed == 0) {
			throw Problems.conflict("rebuild-running", "A rebuild is already running; see GET /api/analytics/rebuild.");
		}
		Thread.ofVirtual().name("analytics-rebuild").start(this::run);
		return status().orElseThrow();
	}

	public Optional<Status> status() {
		long pending = dirty.pending();
		return jdbc.query("select status, started_at, finished_at, enqueued, started_by from analytics_rebuild",
				(rs, i) -> new Status(rs.getString(1), rs.getTimestamp(2).toInstant(),
						rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getLong(4),
						rs.getString(5), pending)).stream().findFirst();
	}

	void run() {
		try {
			refresher.recomputeRollups();
			dirty.markAllFacts();
			long after = 0;
			long enqueued = 0;
			for (List<Long> ids = pool.activeLeadIdsAfter(after, PAGE); !ids.isEmpty(); ids = pool.activeLeadIdsAfter(after, PAGE)) {
				for (long id : ids) {
					List<LeadScore> scores = scoring.scoresOf(id);
					jdbc.update("delete from analytics_lead_band where lead_id = ?", id);
					for (LeadScore s : scores) {
						jdbc.update("insert into analytics_lead_band (lead_id, score_group, band) values (?, ?, ?) "
								+ "on conflict (lead_id, score_group) do update set band = excluded.band",
								id, s.group(), s.band().name());
					}
				}
				dirty.mark(ids);
				enqueued += ids.size();
				after = ids.getLast();
				jdbc.update("update analytics_rebuild set enqueued = ? where id = 1", enqueued);
			}
			jdbc.update("update analytics_rebuild set status = 'DONE', finished_at = now() where id = 1");
		}
		catch (RuntimeException e) {
			log.error("Analytics rebuild failed", e);
			jdbc.update("update analytics_rebuild set status = 'FAILED', finished_at = now() where id = 1");
		}
	}
}
