package com.leadflow.crmsync.lifecycle;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.leadflow.crmsync.LeadLifecycle.HistoryEntry;
import com.leadflow.crmsync.LifecycleStage;

/** The tables {@code lead_lifecycle} (current stage, timers) and {@code lead_stage_history}. */
@Repository
public class LifecycleRecords {

	/** The stored state of one lead (a lead without a row is NEW). */
	public record State(long leadId, LifecycleStage stage, String reason, LocalDate reengageAfter, Instant slaDueAt) {

		static State fresh(long leadId) {
			return new State(leadId, LifecycleStage.NEW, null, null, null);
		}
	}

	private final JdbcClient jdbc;

	LifecycleRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The state of a lead, locked for the current transaction (creating its NEW row if needed). */
	State lock(long leadId, Instant now) {
		return lockAll(new long[] { leadId }, now).get(0);
	}

	/** The states of several leads, locked in id order (NEW rows created where needed). */
	public List<State> lockAll(long[] sortedIds, Instant now) {
		jdbc.sql("insert into lead_lifecycle (lead_id, stage, updated_at) select unnest(?::bigint[]), 'NEW', ? on conflict do nothing")
			.params(sortedIds, Timestamp.from(now))
			.update();
		return jdbc.sql("select * from lead_lifecycle where lead_id = any(?) order by lead_id for update")
			.param(sortedIds)
			.query((rs, i) -> state(rs))
			.list();
	}

	/** Moves several locked leads from their stages to one that keeps no reason, date or timer; history included. */
	void moveAll(List<State> from, LifecycleStage to, Map<Long, String> notes, String actor, Instant now) {
		long[] ids = from.stream().mapToLong(State::leadId).toArray();
		jdbc.sql("""
				update lead_lifecycle set stage = ?, reason = null, reengage_after = null, sla_due_at = null, updated_at = ?
				where lead_id = any(?)""")
			.params(to.name(), Timestamp.from(now), ids)
			.update();
		jdbc.sql("""
				insert into lead_stage_history (lead_id, from_stage, to_stage, note, actor, occurred_at)
				select h.lead_id, h.from_stage, ?, h.note, ?, ? from unnest(?::bigint[], ?::text[], ?::text[])
				     with ordinality h(lead_id, from_stage, note, n) order by h.n""")
			.params(to.name(), actor, Timestamp.from(now), ids,
					from.stream().map(s -> s.stage().name()).toArray(String[]::new),
					from.stream().map(s -> notes.get(s.leadId())).toArray(String[]::new))
			.update();
	}

	public Optional<State> find(long leadId) {
		return Optional.ofNullable(findAll(List.of(leadId)).get(leadId));
	}
	void save(State state, Instant now) {
		jdbc.sql("""
				update lead_lifecycle set stage = ?, reason = ?, reengage_after = ?, sla_due_at = ?, updated_at = ?
				where lead_id = ?""")
			.params(state.stage().name(), state.reason(),
					state.reengageAfter() == null ? null : Date.valueOf(state.reengageAfter()),
					state.slaDueAt() == null ? null : Timestamp.from(state.slaDueAt()), Timestamp.from(now),
					state.leadId())
			.update();
	}

	void append(long leadId, LifecycleStage from, LifecycleStage to, String reason, String note, String actor,
			Instant at) {
		jdbc.sql("""
				insert into lead_stage_history (lead_id, from_stage, to_stage, reason, note, actor, occurred_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(leadId, from.name(), to.name(), reason, note, actor, Timestamp.from(at))
			.update();
	}

	List<HistoryEntry> history(long leadId) {
		return histories(List.of(leadId)).getOrDefault(leadId, List.of());
	}

	/** The histories of several leads, oldest first each. */
	Map<Long, List<HistoryEntry>> histories(java.util.Collection<Long> leadIds) {
		Map<Long, List<HistoryEntry>> histories = new java.util.HashMap<>();
		jdbc.sql("select * from lead_stage_history where lead_id = any(?) order by lead_id, id")
			.param(leadIds.stream().mapToLong(Long::longValue).toArray())
			.query((java.sql.ResultSet rs) -> {
				histories.computeIfAbsent(rs.getLong("lead_id"), k -> new java.util.ArrayList<>())
					.add(new HistoryEntry(rs.getLong("id"), LifecycleStage.valueOf(rs.getString("from_stage")),
							LifecycleStage.valueOf(rs.getString("to_stage")), rs.getString("reason"), rs.getString("note"),
							rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant()));
			});
		return histories;
	}

	/** The stored states of several leads (leads without a row are NEW and left out). */
	Map<Long, State> findAll(java.util.Collection<Long> leadIds) {
		Map<Long, State> states = new java.util.HashMap<>();
		jdbc.sql("select * from lead_lifecycle where lead_id = any(?)")
			.param(leadIds.stream().mapToLong(Long::longValue).toArray())
			.query((rs, i) -> state(rs))
			.list()
			.forEach(s -> states.put(s.leadId(), s));
		return states;
	}

	/** Stops a lead's SLA timer. */
	public void clearSla(long leadId) {
		jdbc.sql("update lead_lifecycle set sla_due_at = null where lead_id = ?").param(leadId).update();
	}

	/** Leads whose SQL acceptance timer ran out at {@code now}. */
	public List<Long> slaExpired(Instant now, int limit) {
		return jdbc.sql("""
				select lead_id from lead_lifecycle where sla_due_at <= ? and stage = 'SQL'
				order by sla_due_at limit ? for update skip locked""")
			.params(Timestamp.from(now), limit).query(Long.class).list();
	}

	/** Recycled leads whose re-engage date has come. */
	public List<Long> dueForReengagement(LocalDate today, int limit) {
		return jdbc.sql("""
				select lead_id from lead_lifecycle where stage = 'RECYCLED' and reengage_after <= ?
				order by reengage_after limit ? for update skip locked""")
			.params(Date.valueOf(today), limit).query(Long.class).list();
	}

	private static State state(java.sql.ResultSet rs) throws java.sql.SQLException {
		Date reengage = rs.getDate("reengage_after");
		Timestamp sla = rs.getTimestamp("sla_due_at");
		return new State(rs.getLong("lead_id"), LifecycleStage.valueOf(rs.getString("stage")), rs.getString("reason"),
				reengage == null ? null : reengage.toLocalDate(), sla == null ? null : sla.toInstant());
	}
}
