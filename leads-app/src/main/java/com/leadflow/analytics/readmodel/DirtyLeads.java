package com.leadflow.analytics.readmodel;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Leads whose fact must be recomputed: marked by event listeners and the rebuild, claimed by the refresh worker. */
@Repository
public class DirtyLeads {

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

	/** Every lead that has a fact (so that leads gone from the pool lose theirs). */
	void markAllFacts() {
		jdbc.update("insert into analytics_dirty (lead_id) select lead_id from analytics_lead");
	}

	/**
	 * Claims up to {@code limit} queue rows marked at least {@code settle} ago for the caller's transaction (other
	 * nodes skip them) and answers their leads, each once (a lead may be marked several times).
	 */
	List<Long> claim(int limit, Duration settle) {
		return jdbc.queryForList("""
				delete from analytics_dirty where ctid in
				    (select ctid from analytics_dirty where marked_at <= clock_timestamp() - ? * interval '1 millisecond'
				     limit ? for update skip locked)
				returning lead_id""", Long.class, settle.toMillis(), limit).stream().distinct().sorted().toList();
	}

	public long pending() {
		return jdbc.queryForObject("select count(distinct lead_id) from analytics_dirty", Long.class);
	}
}
