package com.leadflow.campaigns.attribution;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Arrivals campaigns brought into the pool that attribution and imports need to remember, once per pool touch id
 * (replays are no-ops): every row of an import job (its revert walks them), and every other arrival that created its
 * lead (leads created per series and channel). Touches themselves are counted from the pool's timeline.
 */
@Repository
public class CampaignTouches {

	/** One recorded touch. */
	public record Recorded(long touchId, long leadId, long seriesId, String channel, boolean leadCreated, Long importJobId,
			Long rowNo, Instant occurredAt) {
	}

	private final JdbcClient jdbc;

	CampaignTouches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records touches in one statement (a batch of arrivals, an import chunk). */
	public void record(List<Recorded> touches) {
		if (touches.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into campaign_touch (touch_id, lead_id, series_id, channel, lead_created, import_job_id, row_no, occurred_at)
				select * from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::boolean[], ?::bigint[], ?::bigint[],
				                     ?::timestamptz[])
				on conflict (touch_id) do nothing""")
			.params(touches.stream().mapToLong(Recorded::touchId).toArray(),
					touches.stream().mapToLong(Recorded::leadId).toArray(),
					touches.stream().mapToLong(Recorded::seriesId).toArray(),
					touches.stream().map(Recorded::channel).toArray(String[]::new),
					touches.stream().map(Recorded::leadCreated).toArray(Boolean[]::new),
					touches.stream().map(Recorded::importJobId).toArray(Long[]::new),
					touches.stream().map(Recorded::rowNo).toArray(Long[]::new),
					touches.stream().map(t -> t.occurredAt().toString()).toArray(String[]::new))
			.update();
	}

	/** Which of these leads an import job created (to tell duplicates inside a file from existing leads). */
	public List<Long> createdByJob(long jobId, List<Long> leadIds) {
		if (leadIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select distinct lead_id from campaign_touch where import_job_id = ? and lead_created and lead_id = any(?)")
			.params(jobId, leadIds.toArray(Long[]::new)).query(Long.class).list();
	}

	/** An import job's touches with ids below {@code beforeTouchId}, newest first (the order a revert needs). */
	public List<Long> ofJobBefore(long jobId, long beforeTouchId, int limit) {
		return jdbc.sql("""
				select touch_id from campaign_touch where import_job_id = ? and touch_id < ?
				order by touch_id desc limit ?""")
			.params(jobId, beforeTouchId, limit).query(Long.class).list();
	}

	/** Forgets touches the pool removed (a reverted import): attribution no longer counts them. */
	public void forget(List<Long> touchIds) {
		jdbc.sql("delete from campaign_touch where touch_id = any(?)").param(touchIds.toArray(Long[]::new)).update();
	}
}
