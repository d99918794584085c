package com.leadflow.crmsync.nurture;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.TouchAction;
import com.leadflow.crmsync.LeadLifecycle;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.crmsync.config.CrmSyncClock;
import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.crmsync.config.CrmSyncProperties.NurtureRule;
import com.leadflow.crmsync.lifecycle.LifecycleRecords;
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

	private final LifecycleRecords records;

	NurtureTracks(JdbcClient jdbc, LeadLifecycle lifecycle, LifecycleRecords records, LeadPool pool, Outbox outbox,
			CrmSyncClock clock, CrmSyncProperties properties) {
		this.jdbc = jdbc;
		this.records = records;
		this.lifecycle = lifecycle;
		this.pool = pool;
		this.outbox = outbox;
		this.clock = clock;
		this.properties = properties;
	}

	public List<NurtureRule> rules() {
		return properties.nurture().rules();
	}

	/** The touch actions some rule looks at: a touch of any other action cannot change a lead's task. */
	Set<String> decisiveActions() {
		Set<String> actions = new HashSet<>();
		rules().forEach(r -> {
			actions.addAll(r.done());
			actions.addAll(r.notDone());
		});
		return actions;
	}

	/** Decides a lead's current task from its stage, timeline and consent (serialised with its moves). */
	@Transactional
	public Optional<Task> evaluate(long leadId) {
		LeadLifecycle.LeadStage stage = lifecycle.stageForUpdate(leadId);
		decide(Map.of(stage.leadId(), stage.stage()));
		return current(stage.leadId());
	}

	/**
	 * {@link #evaluate} for several leads at once (a batch of touches, a batch of moves), with one query per table:
	 * only leads in NURTURING or with a task still open can have something to decide; their stages are locked in id
	 * order.
	 */
	@Transactional
	public void evaluateAll(Collection<Long> leadIds) {
		long[] ids = pool.canonicalIds(leadIds).values().stream().mapToLong(Long::longValue).distinct().toArray();
		// By primary key only: a filter on the stage would let the planner scan the stage index's every NURTURING
		// row for each batch (seen while a fast-growing pool's statistics were stale).
		java.util.SortedSet<Long> candidates = new java.util.TreeSet<>();
		jdbc.sql("select lead_id, stage from lead_lifecycle where lead_id = any(?)")
			.param(ids)
			.query((java.sql.ResultSet rs) -> {
				if (LifecycleStage.NURTURING.name().equals(rs.getString(2))) {
					candidates.add(rs.getLong(1));
				}
			});
		candidates.addAll(jdbc.sql("select lead_id from nurture_task where lead_id = any(?) and status <> 'CLOSED'")
			.param(ids)
			.query(Long.class)
			.list());
		if (!candidates.isEmpty()) {
			Map<Long, LifecycleStage> stages = new TreeMap<>();
			records.lockAll(candidates.stream().mapToLong(Long::longValue).toArray(), clock.now())
				.forEach(s -> stages.put(s.leadId(), s.stage()));
			decide(stages);
		}
	}

	/** A task to make. */
	private record NewTask(long leadId, NurtureRule rule, String status, String blocked) {
	}

	/** The decision for leads whose stages are locked: one read of tasks, timelines and consents for all. */
	private void decide(Map<Long, LifecycleStage> stages) {
		Map<Long, Task> current = new HashMap<>();
		jdbc.sql("select * from nurture_task where lead_id = any(?) and status <> 'CLOSED'")
			.param(stages.keySet().stream().mapToLong(Long::longValue).toArray())
			.query((rs, i) -> task(rs))
			.list()
			.forEach(t -> current.put(t.leadId(), t));
		List<Long> nurturing = stages.entrySet().stream().filter(e -> e.getValue() == LifecycleStage.NURTURING)
			.map(Map.Entry::getKey).toList();
		Map<Long, Set<TouchAction>> actions = nurturing.isEmpty() ? Map.of() : pool.actionsDone(nurturing);
		Map<ConsentPurpose, Set<Long>> consented = new EnumMap<>(ConsentPurpose.class);
		List<Task> closing = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		List<NewTask> making = new ArrayList<>();
		stages.forEach((id, stage) -> {
			Task task = current.get(id);
			if (stage != LifecycleStage.NURTURING) {
				if (task != null) {
					closing.add(task);
					reasons.add("left nurturing: " + stage);
				}
				return;
			}
			Set<String> done = actions.getOrDefault(id, Set.of()).stream().map(TouchAction::name)
				.collect(Collectors.toSet());
			Optional<NurtureRule> best = rules().stream()
				.filter(r -> done.containsAll(r.done()) && r.notDone().stream().noneMatch(done::contains))
				.findFirst();
			if (best.isEmpty()) {
				if (task != null) {
					closing.add(task);
					reasons.add("no rule matches");
				}
				return;
			}
			NurtureRule rule = best.get();
			ConsentPurpose purpose = rule.channel().purpose();
			String blocked = consented.computeIfAbsent(purpose, p -> pool.consented(nurturing, p)).contains(id) ? null
					: "no " + purpose + " consent (never given, withdrawn or unsubscribed)";
			String status = blocked == null ? "OPEN" : "BLOCKED";
			if (task != null && task.rule().equals(rule.name()) && task.status().equals(status)) {
				return;
			}
			if (task != null) {
				closing.add(task);
				reasons.add("superseded by " + rule.name() + (blocked == null ? "" : " (blocked)"));
			}
			making.add(new NewTask(id, rule, status, blocked));
		});
		Instant now = clock.now();
		if (!closing.isEmpty()) {
			jdbc.sql("""
					update nurture_task t set status = 'CLOSED', closed_at = ?, close_reason = c.reason
					from unnest(?::bigint[], ?::text[]) c(id, reason) where t.id = c.id""")
				.params(Timestamp.from(now), closing.stream().mapToLong(Task::id).toArray(), reasons.toArray(String[]::new))
				.update();
		}
		if (making.isEmpty()) {
			return;
		}
		Map<Long, Long> taskIds = new HashMap<>();
		jdbc.sql("""
				insert into nurture_task (lead_id, rule_name, content, channel, status, contact_blocked, created_at)
				select t.*, ? from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) t
				returning lead_id, id""")
			.params(Timestamp.from(now), making.stream().mapToLong(NewTask::leadId).toArray(),
					making.stream().map(m -> m.rule().name()).toArray(String[]::new),
					making.stream().map(m -> m.rule().content()).toArray(String[]::new),
					making.stream().map(m -> m.rule().channel().name()).toArray(String[]::new),
					making.stream().map(NewTask::status).toArray(String[]::new),
					making.stream().map(NewTask::blocked).toArray(String[]::new))
			.query((java.sql.ResultSet rs) -> {
				taskIds.put(rs.getLong(1), rs.getLong(2));
			});
		List<NewTask> open = making.stream().filter(m -> m.blocked() == null).toList();
		if (!open.isEmpty() && properties.nurture().webhook()) {
			Map<Long, LeadSnapshot> leads = pool.findAll(open.stream().map(NewTask::leadId).toList()).stream()
				.collect(Collectors.toMap(LeadSnapshot::id, l -> l));
			for (NewTask m : open) {
				LeadSnapshot lead = leads.get(m.leadId());
				outbox.enqueue(m.leadId(), Peer.MARKETING, TASK_KIND, "POST",
						properties.marketing().path(TASK_KIND, "/nurture-tasks"),
						new AudienceMember(taskIds.get(m.leadId()), m.leadId(), lead.name(), lead.emails(),
								m.rule().name(), m.rule().channel(), now));
			}
		}
	}

	private Optional<Task> current(long leadId) {
		return jdbc.sql("select * from nurture_task where lead_id = ? and status <> 'CLOSED'").param(leadId)
			.query((rs, i) -> task(rs)).optional();
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
