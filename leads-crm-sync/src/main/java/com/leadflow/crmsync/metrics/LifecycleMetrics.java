package com.leadflow.crmsync.metrics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.crmsync.config.CrmSyncClock;
import com.leadflow.crmsync.config.CrmSyncProperties;

/**
 * Funnel metrics from crm-sync's own tables ({@code lead_lifecycle}, {@code lead_stage_history},
 * {@code sla_escalation}). A stay is the time between a move into a stage and the lead's next move.
 * <ul>
 * <li>per stage: leads in it now, and the average length of completed stays;</li>
 * <li>conversion to SQL of new leads (SQL before any second chance) against leads on a second chance — recycled, or
 * nurtured longer than {@code nurture.long-nurture} — that reached SQL after it;</li>
 * <li>leads never contacted within the SLA: an MQL stay not ended by a person (not {@code system:*}) within
 * {@code sla.mql-contact}, once that time has passed; and SQLs escalated for missing their acceptance SLA;</li>
 * <li>recycled leads re-engaged: recycled leads that became an MQL again afterwards.</li>
 * </ul>
 */
@Service
public class LifecycleMetrics {

	public record Metrics(Instant at, List<StageMetrics> stages, Conversion newLeadsToSql,
			Conversion secondChanceToSql, Sla sla, Reengagement recycled) {
	}

	/** @param averageSecondsInStage over completed stays, null if there is none */
	public record StageMetrics(String stage, long leads, long completedStays, Double averageSecondsInStage) {
	}

	public record Conversion(long leads, long toSql, double rate) {

		static Conversion of(long leads, long toSql) {
			return new Conversion(leads, toSql, leads == 0 ? 0 : Math.round(10000.0 * toSql / leads) / 10000.0);
		}
	}

	public record Sla(Duration mqlContact, long leadsNotContactedWithinSla, long sqlsNotAcceptedWithinSla) {
	}

	public record Reengagement(long recycled, long reengaged, double rate) {
	}

	private static final String STAYS = """
			with stays as (
			    select lead_id, to_stage stage, actor, occurred_at started,
			           lead(occurred_at) over (partition by lead_id order by id) ended,
			           lead(actor) over (partition by lead_id order by id) ended_by
			    from lead_stage_history)
			""";

	private final JdbcClient jdbc;

	private final CrmSyncClock clock;

	private final CrmSyncProperties properties;

	LifecycleMetrics(JdbcClient jdbc, CrmSyncClock clock, CrmSyncProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	public Metrics compute() {
		Instant now = clock.now();
		Timestamp at = Timestamp.from(now);
		List<StageMetrics> stages = jdbc.sql(STAYS + """
				select s.stage, coalesce(c.leads, 0), coalesce(h.completed, 0), h.average from (
				    select stage from lead_lifecycle union select stage from stays) s
				left join (select stage, count(*) leads from lead_lifecycle group by stage) c using (stage)
				left join (select stage, count(ended) completed, avg(extract(epoch from ended - started)) average
				           from stays group by stage) h using (stage)
				order by s.stage""")
			.query((rs, i) -> new StageMetrics(rs.getString(1), rs.getLong(2), rs.getLong(3),
					rs.getObject(4) == null ? null : rs.getDouble(4)))
			.list();
		long longNurture = properties.nurture().longNurture().toSeconds();
		long[] conversion = jdbc.sql(STAYS + """
				, second_chance as (
				    select lead_id, min(since) since from (
				        select lead_id, started since from stays where stage = 'RECYCLED'
				        union all
				        select lead_id, started + make_interval(secs => :long) from stays
				        where stage = 'NURTURING' and coalesce(ended, :now) - started >= make_interval(secs => :long)
				    ) chances group by lead_id),
				sqls as (select lead_id, min(started) first_at, max(started) last_at from stays where stage = 'SQL'
				         group by lead_id)
				select count(*),
				       count(*) filter (where f.first_at is not null and (c.since is null or f.first_at < c.since)),
				       count(c.since),
				       count(*) filter (where c.since is not null and f.last_at > c.since)
				from lead_lifecycle l left join second_chance c using (lead_id) left join sqls f using (lead_id)""")
			.param("long", longNurture).param("now", at)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) }).single();
		Duration mqlContact = properties.sla().mqlContact();
		long notContacted = jdbc.sql(STAYS + """
				select count(distinct lead_id) from stays
				where stage = 'MQL' and started + make_interval(secs => :sla) <= :now
				  and not (ended is not null and ended <= started + make_interval(secs => :sla) and ended_by not like 'system:%')""")
			.param("sla", mqlContact.toSeconds()).param("now", at).query(Long.class).single();
		long notAccepted = jdbc.sql("select count(distinct lead_id) from sla_escalation").query(Long.class).single();
		long[] recycled = jdbc.sql("""
				select count(*), count(*) filter (where last_mql > first_recycled) from (
				    select min(occurred_at) filter (where to_stage = 'RECYCLED') first_recycled,
				           max(occurred_at) filter (where to_stage = 'MQL') last_mql
				    from lead_stage_history group by lead_id) l
				where first_recycled is not null""")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		return new Metrics(now, stages, Conversion.of(conversion[0], conversion[1]),
				Conversion.of(conversion[2], conversion[3]), new Sla(mqlContact, notContacted, notAccepted),
				new Reengagement(recycled[0], recycled[1], Conversion.of(recycled[0], recycled[1]).rate()));
	}
}
