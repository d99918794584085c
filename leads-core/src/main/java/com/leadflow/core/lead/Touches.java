package com.leadflow.core.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.SeriesTouches;
import com.leadflow.core.Touch;
import com.leadflow.core.TouchAction;

import tools.jackson.databind.json.JsonMapper;

/** The timeline: touches appended per lead, read newest first. */
@Repository
public class Touches {

	/** A touch already stored under an idempotency key. */
	public record Existing(long touchId, long leadId) {
	}

	private static final String COLUMNS_BUT_PAYLOAD = "id, lead_id, action, channel, series_id, occurred_at, minutes, content_id";

	private static final String COLUMNS = COLUMNS_BUT_PAYLOAD + ", payload";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Touches(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<Existing> byIdempotencyKey(String key) {
		return Optional.ofNullable(byIdempotencyKeys(List.of(key)).get(key));
	}

	/**
	 * Appends a touch; an idempotency key taken meanwhile (by a concurrent arrival) fails it with a {@link
	 * org.springframework.dao.DuplicateKeyException}, as in {@link #appendAll}.
	 */
	public long append(long leadId, TouchInput touch) {
		return jdbc.sql("""
				insert into touch (lead_id, recorded_lead_id, action, channel, series_id, occurred_at, minutes, content_id,
				                   payload, idempotency_key)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
				returning id""")
			.params(leadId, leadId, touch.action().name(), touch.channel(), touch.seriesId(),
					Timestamp.from(touch.occurredAt()), touch.minutes(), touch.contentId(),
					json.writeValueAsString(touch.payload()), touch.idempotencyKey())
			.query(Long.class)
			.single();
	}

	/** The touches already stored under any of these idempotency keys: key → touch. */
	Map<String, Existing> byIdempotencyKeys(Collection<String> keys) {
		Map<String, Existing> found = new java.util.HashMap<>();
		if (!keys.isEmpty()) {
			jdbc.sql("select idempotency_key, id, lead_id from touch where idempotency_key = any(?)")
				.param(keys.toArray(String[]::new))
				.query((ResultSet rs) -> {
					found.put(rs.getString(1), new Existing(rs.getLong(2), rs.getLong(3)));
				});
		}
		return found;
	}

	/** A touch to append in a batch. */
	record NewTouch(long leadId, TouchInput touch) {
	}

	/**
	 * Appends touches in one statement, a plain insert: an idempotency key taken meanwhile (by a concurrent arrival)
	 * fails it with a {@link org.springframework.dao.DuplicateKeyException}, and the batch is resolved again (an
	 * {@code on conflict do nothing} would cost every row a speculative insertion for that rare case).
	 * @return their ids in the given order
	 */
	long[] appendAll(List<NewTouch> batch) {
		if (batch.isEmpty()) {
			return new long[0];
		}
		int n = batch.size();
		long[] ids = Leads.nextIds(jdbc, "touch", n);
		long[] leads = new long[n];
		String[] actions = new String[n], channels = new String[n], series = new String[n], at = new String[n],
				minutes = new String[n], contents = new String[n], payloads = new String[n], keys = new String[n];
		for (int i = 0; i < n; i++) {
			TouchInput t = batch.get(i).touch();
			leads[i] = batch.get(i).leadId();
			actions[i] = t.action().name();
			channels[i] = t.channel();
			series[i] = t.seriesId() == null ? null : t.seriesId().toString();
			at[i] = t.occurredAt().toString();
			minutes[i] = t.minutes() == null ? null : t.minutes().toString();
			contents[i] = t.contentId();
			payloads[i] = json.writeValueAsString(t.payload());
			keys[i] = t.idempotencyKey();
		}
		jdbc.sql("""
				insert into touch (id, lead_id, recorded_lead_id, action, channel, series_id, occurred_at, minutes,
				                   content_id, payload, idempotency_key) overriding system value
				select id, lead_id, lead_id, action, channel, series_id, occurred_at, minutes, content_id, payload, key
				from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::int[],
				            ?::text[], ?::jsonb[], ?::text[])
				     t(id, lead_id, action, channel, series_id, occurred_at, minutes, content_id, payload, key)""")
			.params(ids, leads, actions, channels, series, at, minutes, contents, payloads, keys)
			.update();
		return ids;
	}

	public List<Touch> ofLead(long leadId) {
		return jdbc.sql("select " + COLUMNS + " from touch where lead_id = ? order by occurred_at, id")
			.param(leadId)
			.query((rs, i) -> touch(rs))
			.list();
	}

	/**
	 * The touches of several leads, oldest first per lead (leads in descending id order); without {@code payloads}
	 * (empty maps instead) they are read from {@code touch_lead_timeline_idx} alone where the visibility map allows.
	 */
	public List<Touch> ofLeads(Collection<Long> leadIds, boolean payloads) {
		return jdbc.sql("select " + (payloads ? COLUMNS : COLUMNS_BUT_PAYLOAD)
				+ " from touch where lead_id = any(?) order by lead_id desc, occurred_at, id") // the index backwards: no sort
			.param(leadIds.stream().mapToLong(Long::longValue).toArray())
			.query((rs, i) -> payloads ? touch(rs) : touch(rs, Map.of()))
			.list();
	}

	/**
	 * The touches of a series in all and per channel, in one pass (grouping sets) over {@code touch_series_idx}, read
	 * from the index alone where the visibility map allows.
	 */
	SeriesTouches ofSeries(long seriesId) {
		long[] total = new long[2];
		List<SeriesTouches.ByChannel> channels = new java.util.ArrayList<>();
		jdbc.sql("""
				select channel, count(distinct recorded_lead_id), count(*), grouping(channel) = 1 total from touch
				where series_id = ? and channel is not null group by grouping sets ((channel), ()) order by channel""")
			.param(seriesId)
			.query((ResultSet rs) -> {
				if (rs.getBoolean(4)) {
					total[0] = rs.getLong(2);
					total[1] = rs.getLong(3);
				}
				else {
					channels.add(new SeriesTouches.ByChannel(rs.getString(1), rs.getLong(2), rs.getLong(3)));
				}
			});
		return new SeriesTouches(total[0], total[1], channels);
	}

	/** The kinds of touch of several leads: lead id → actions (one row per lead and action from the server). */
	public Map<Long, Set<TouchAction>> actionsOf(Collection<Long> leadIds) {
		Map<Long, Set<TouchAction>> out = new HashMap<>();
		jdbc.sql("select distinct lead_id, action from touch where lead_id = any(?)")
			.param(leadIds.stream().mapToLong(Long::longValue).toArray())
			.query((ResultSet rs) -> {
				out.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(TouchAction.class))
					.add(TouchAction.valueOf(rs.getString(2)));
			});
		return out;
	}

	/** A page of a lead's timeline, newest first. */
	public List<Touch> page(long leadId, int page, int size) {
		return jdbc.sql("select " + COLUMNS + " from touch where lead_id = ? order by occurred_at desc, id desc limit ? offset ?")
			.params(leadId, size, (long) page * size)
			.query((rs, i) -> touch(rs))
			.list();
	}

	public long count(long leadId) {
		return jdbc.sql("select count(*) from touch where lead_id = ?").param(leadId).query(Long.class).single();
	}

	/** A row of {@link #COLUMNS}, by position (a name is looked up in a map per value read). */
	private Touch touch(ResultSet rs) throws SQLException {
		return touch(rs, JsonObjects.read(json, rs.getString(9)));
	}

	private static Touch touch(ResultSet rs, Map<String, Object> payload) throws SQLException {
		return new Touch(rs.getLong(1), rs.getLong(2), TouchAction.valueOf(rs.getString(3)), rs.getString(4),
				(Long) rs.getObject(5), rs.getTimestamp(6).toInstant(), (Integer) rs.getObject(7), rs.getString(8),
				payload);
	}
}
