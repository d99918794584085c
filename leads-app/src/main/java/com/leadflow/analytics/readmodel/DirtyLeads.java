package com.leadflow.analytics.readmodel;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.leadflow.core.LeadTouched;
import com.leadflow.core.TouchAction;

/**
 * Leads whose fact must be recomputed: marked by event listeners and the rebuild, claimed by the refresh worker. A
 * queue row holds the marks of one call (up to {@value #ROW_MARKS}), so a batch of touches costs the queue one row.
 */
@Repository
public class DirtyLeads {

	/** A claimed mark: the lead, and the touch that left it (null for any other reason to recompute). */
	record Mark(long leadId, Touch touch) {
	}

	/** The touch of a mark left by a touch on an existing lead. */
	record Touch(Instant at, Long seriesId, String channel, TouchAction action) {
	}

	/** Most marks one queue row holds: larger sets take several rows, so that a claim stays near its size. */
	private static final int ROW_MARKS = 1000;

	private final JdbcTemplate jdbc;

	DirtyLeads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void mark(Collection<Long> leadIds) {
		for (List<Long> row : rows(List.copyOf(leadIds))) {
			jdbc.update("insert into analytics_dirty (lead_ids) values (?::bigint[])", (Object) row.toArray(Long[]::new));
		}
	}

	/** Marks left by touches on existing leads, each with its touch. */
	void markTouched(List<LeadTouched> touches) {
		for (List<LeadTouched> row : rows(touches)) {
			jdbc.update("""
					insert into analytics_dirty (lead_ids, touch_at, touch_series_id, touch_channel, touch_action)
					values (?::bigint[], ?::timestamptz[], ?::bigint[], ?::text[], ?::text[])""",
					row.stream().map(LeadTouched::leadId).toArray(Long[]::new),
					row.stream().map(t -> Timestamp.from(t.occurredAt())).toArray(Timestamp[]::new),
					row.stream().map(LeadTouched::seriesId).toArray(Long[]::new),
					row.stream().map(LeadTouched::channel).toArray(String[]::new),
					row.stream().map(t -> t.action().name()).toArray(String[]::new));
		}
	}

	/** Marks in queue rows of at most {@value #ROW_MARKS}. */
	private static <T> List<List<T>> rows(List<T> marks) {
		List<List<T>> rows = new ArrayList<>();
		for (int from = 0; from < marks.size(); from += ROW_MARKS) {
			rows.add(marks.subList(from, Math.min(marks.size(), from + ROW_MARKS)));
		}
		return rows;
	}

	/** Every lead that has a fact (so that leads gone from the pool lose theirs). */
	void markAllFacts() {
		jdbc.update("""
				insert into analytics_dirty (lead_ids)
				select array_agg(lead_id) from (select lead_id, (row_number() over (order by lead_id) - 1) / ? chunk
				                                from analytics_lead) f
				group by chunk""", ROW_MARKS);
	}

	/**
	 * Claims queue rows marked at least {@code settle} ago for the caller's transaction (other nodes skip them) until
	 * it holds {@code limit} marks or more (a row's marks are claimed together); their marks, in lead order.
	 */
	List<Mark> claim(int limit, Duration settle) {
		List<String> rows = new ArrayList<>();
		int[] marks = { 0 };
		jdbc.query("""
				select ctid::text, cardinality(lead_ids) from analytics_dirty
				where marked_at <= clock_timestamp() - ? * interval '1 millisecond' limit ? for update skip locked""",
				(ResultSet rs) -> {
					if (marks[0] < limit) {
						rows.add(rs.getString(1));
						marks[0] += rs.getInt(2);
					}
				}, settle.toMillis(), limit);
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Mark> claimed = new ArrayList<>(marks[0]);
		jdbc.query("""
				delete from analytics_dirty where ctid = any(?::tid[])
				returning lead_ids, touch_at, touch_series_id, touch_channel, touch_action""", (ResultSet rs) -> {
			Long[] leads = (Long[]) rs.getArray(1).getArray();
			Array at = rs.getArray(2);
			if (at == null) {
				for (Long lead : leads) {
					claimed.add(new Mark(lead, null));
				}
				return;
			}
			Timestamp[] ats = (Timestamp[]) at.getArray();
			Long[] series = (Long[]) rs.getArray(3).getArray();
			String[] channels = (String[]) rs.getArray(4).getArray();
			String[] actions = (String[]) rs.getArray(5).getArray();
			for (int i = 0; i < leads.length; i++) {
				claimed.add(new Mark(leads[i],
						new Touch(ats[i].toInstant(), series[i], channels[i], TouchAction.valueOf(actions[i]))));
			}
		}, (Object) rows.toArray(String[]::new));
		claimed.sort(Comparator.comparingLong(Mark::leadId)); // stable: a lead's marks stay in the order they came
		return claimed;
	}

	public long pending() {
		return jdbc.queryForObject("select count(distinct l) from analytics_dirty, unnest(lead_ids) l", Long.class);
	}
}
