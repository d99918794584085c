package com.leadflow.crmsync.nurture;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.Touch;
import com.leadflow.crmsync.LeadLifecycle;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.crmsync.config.CrmSyncClock;
import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.crmsync.config.CrmSyncProperties.NurtureRule;
import com.leadflow.crmsync.outbox.Outbox;
import com.leadflow.crmsync.outbox.Peer;

/**
 * Nurture tracks: for a lead in NURTURING the first matching next-best-content rule makes its one current task
 * (re-evaluated on every touch and stage change; a changed answer supersedes the old task, leaving nurturing closes
 * it). A task whose channel lacks consent (never given, withdrawn, unsubscribed) is BLOCKED with the reason and is
 * in no audience and no webhook. OPEN tasks form the audiences a marketing tool reads by API, and are pushed to it
 * through the outbox when {@code nurture.webhook} is on.
 */
@Service
public class NurtureTracks {

	static final String TASK_KIND = "nurture-task";

	/** One nurture task; {@code contactBlocked} says why it may not be sent (status BLOCKED). */
	public record Task(long id, long leadId, String rule, String content, CrmSyncProperties.NurtureChannel channel,
			String status, String contactBlocked, Instant createdAt, Instant closedAt, String closeReason) {
	}

	/** A lead to send a content to, as a marketing tool reads it. */
	public record AudienceMember(long taskId, long leadId, String name, List<String> emails, String rule,
			CrmSyncProperties.NurtureChannel channel, Instant since) {
	}

	/** An audience (open tasks of one content) and its size. */
	public record Audience(String content, long leads) {
	}

	private final JdbcClient jdbc;

	private final LeadLifecycle lifecycle;

	private final LeadPool pool;

	private final Outbox outbox;

	private final CrmSyncClock clock;

	private final CrmSyncProperties properties;

	NurtureTracks(JdbcClient jdbc, LeadLifecycle lifecycle, LeadPool pool, Outbox outbox, CrmSyncClock clock,
			CrmSyncProperties properties) {
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.pool = pool;
		this.outbox = outbox;
		this.clock = clock;
		this.properties = properties;
	}

	public List<NurtureRule> rules() {
		return properties.nurture().rules();
	}

	/** Decides a lead's current task from its stage, timeline and consent (serialised with its moves). */
	@Transactional
	public Optional<Task> evaluate(long leadId) {
		LeadLifecycle.LeadStage stage = lifecycle.stageForUpdate(leadId);
		long id = stage.leadId();
		Optional<Task> current = current(id);
		if (stage.stage() != LifecycleStage.NURTURING) {
			current.ifPresent(t -> close(t, "left nurturing: " + stage.stage()));
			return Optional.empty();
		}
		Set<String> done = pool.touches(id).stream().map(t -> t.action().name()).collect(Collectors.toSet());
		Optional<NurtureRule> best = rules().stream()
			.filter(r -> done.containsAll(r.done()) && r.notDone().stream().noneMatch(done::contains))
			.findFirst();
		if (best.isEmpty()) {
			current.ifPresent(t -> close(t, "no rule matches"));
			return Optional.empty();
		}
		NurtureRule rule = best.get();
		String blocked = pool.hasConsent(id, rule.channel().purpose()) ? null
				: "no " + rule.channel().purpose() + " consent (never given, withdrawn or unsubscribed)";
		String status = blocked == null ? "OPEN" : "BLOCKED";
		if (current.isPresent() && current.get().rule().equals(rule.name()) && current.get().status().equals(status)) {
			return current;
		}
		current.ifPresent(t -> close(t, "superseded by " + rule.name() + (blocked == null ? "" : " (blocked)")));
		long taskId = jdbc.sql("""
				insert into nurture_task (lead_id, rule_name, content, channel, status, contact_blocked, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(id, rule.name(), rule.content(), rule.channel().name(), status, blocked, Timestamp.from(clock.now()))
			.query(Long.class).single();
		if (blocked == null && properties.nurture().webhook()) {
			LeadSnapshot lead = pool.find(id).orElseThrow();
			outbox.enqueue(id, Peer.MARKETING, TASK_KIND, "POST", properties.marketing().path(TASK_KIND, "/nurture-tasks"),
					new AudienceMember(taskId, id, lead.name(), lead.emails(), rule.name(), rule.channel(), clock.now()));
		}
		return current(id);
	}

	private Optional<Task> current(long leadId) {
		return jdbc.sql("select * from nurture_task where lead_id = ? and status <> 'CLOSED'").param(leadId)
			.query((rs, i) -> task(rs)).optional();
	}

	private void close(Task task, String reason) {
		jdbc.sql("update nurture_task set status = 'CLOSED', closed_at = ?, close_reason = ? where id = ?")
			.params(Timestamp.from(clock.now()), reason, task.id()).update();
	}

	/** Every task of a lead, newest first (blocked ones say why). */
	public List<Task> tasksOf(long leadId) {
		return jdbc.sql("select * from nurture_task where lead_id = ? order by id desc").param(pool.canonicalId(leadId))
			.query((rs, i) -> task(rs)).list();
	}

	/** The audiences: open tasks per content. */
	public List<Audience> audiences() {
		return jdbc.sql("select content, count(*) from nurture_task where status = 'OPEN' group by content order by content")
			.query((rs, i) -> new Audience(rs.getString(1), rs.getLong(2))).list();
	}

	/**
	 * One audience's members by task id (keyset paging with {@code after}). Consent is checked again as the list is
	 * read: a lead that withdrew it since its task was made is left out.
	 */
	public List<AudienceMember> audience(String content, long after, int limit) {
		List<Task> tasks = jdbc.sql("""
				select * from nurture_task where status = 'OPEN' and content = ? and id > ? order by id limit ?""")
			.params(content, after, limit).query((rs, i) -> task(rs)).list();
		var leads = pool.findAll(tasks.stream().map(Task::leadId).toList()).stream()
			.collect(Collectors.toMap(LeadSnapshot::id, l -> l));
		return tasks.stream()
			.filter(t -> leads.containsKey(t.leadId()) && pool.hasConsent(t.leadId(), t.channel().purpose()))
			.map(t -> new AudienceMember(t.id(), t.leadId(), leads.get(t.leadId()).name(),
					leads.get(t.leadId()).emails(), t.rule(), t.channel(), t.createdAt()))
			.toList();
	}

	private static Task task(ResultSet rs) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Task(rs.getLong("id"), rs.getLong("lead_id"), rs.getString("rule_name"), rs.getString("content"),
				CrmSyncProperties.NurtureChannel.valueOf(rs.getString("channel")), rs.getString("status"),
				rs.getString("contact_blocked"), rs.getTimestamp("created_at").toInstant(),
				closed == null ? null : closed.toInstant(), rs.getString("close_reason"));
	}
}
