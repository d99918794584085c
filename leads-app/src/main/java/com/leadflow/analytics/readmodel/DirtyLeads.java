package com.leadflow.analytics.readmodel;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.leadflow.core.LeadTouched;
import com.leadflow.core.TouchAction;

/** Leads whose fact must be recomputed: marked by event listeners and the rebuild, claimed by the refresh worker. */
@Repository
public class DirtyLeads {

	/** A claimed mark: the lead, and the touch that left it (null for any other reason to recompute). */
	record Mark(long leadId, Touch touch) {
	}

	/** The touch of a mark left by a touch on an existing lead. */
	record Touch(Instant at, Long seriesId, String channel, TouchAction action) {
	}

	private final JdbcTemplate jdbc;

	DirtyLeads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void mark(Collection<Long> leadIds) {
		if (!leadIds.isEmpty()) {
			jdbc.update("insert into analytics_dirty (lead_id) select unnest(?::bigint[])",
					(Object) leadIds.toArray(Long[]::new));
		}
	}

	/** Marks left by touches on existing leads, each with its touch. */
	void markTouched(List<LeadTouched> touches) {
		if (!touches.isEmpty()) {
			jdbc.update("""
					insert into analytics_dirty (lead_id, touch_at, touch_series_id, touch_channel, touch_action)
					select * from unnest(?::bigint[], ?::timestamptz[], ?::bigint[], ?::text[], ?::text[])""",
					touches.stream().map(LeadTouched::leadId).toArray(Long[]::new),
					touches.stream().map(t -> Timestamp.from(t.occurredAt())).toArray(Timestamp[]::new),
					touches.stream().map(LeadTouched::seriesId).toArray(Long[]::new),
					touches.stream().map(LeadTouched::channel).toArray(String[]::new),
					touches.stream().map(t -> t.action().name()).toArray(String[]::new));
		}
	}

	/** Every lead that has a fact (so that leads gone from the pool lose theirs). */
	void markAllFacts() {
		jdbc.update("insert into analytics_dirty (lead_id) select lead_id from analytics_lead");
	}

	/**
	 * Claims up to {@code limit} queue rows marked at least {@code settle} ago for the caller's transaction (other
	 * nodes skip them), in lead order.
	 */
	List<Mark> claim(int limit, Duration settle) {
		return jdbc.query("""
				with claimed as (
				    delete from analytics_dirty where ctid in
				        (select ctid from analytics_dirty where marked_at <= clock_timestamp() - ? * interval '1 millisecond'
				         limit ? for update skip locked)
				    returning lead_id, touch_at, touch_series_id, touch_channel, touch_action)
				select * from claimed order by lead_id""", (rs, i) -> {
			Timestamp at = rs.getTimestamp(2);
			return new Mark(rs.getLong(1), at == null ? null
					: new Touch(at.toInstant(), (Long) rs.getObject(3), rs.getString(4), TouchAction.valueOf(rs.getString(5))));
		}, settle.toMillis(), limit);
	}

	public long pending() {
		return jdbc.queryForObject("select count(distinct lead_id) from analytics_dirty", Long.class);
	}
}
