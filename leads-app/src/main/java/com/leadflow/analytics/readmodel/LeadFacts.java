package com.leadflow.analytics.readmodel;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The fact table {@code analytics_lead}: one row per active lead. */
@Repository
public class LeadFacts {

	private static final String COLUMNS = """
			lead_id, industry, region, size_band, owner, created_at, created_day, last_touch_at, last_touch_month,
			present_mask, email_bounced, phone_dead, stage, band, first_series_id, first_channel, last_series_id,
			last_channel, has_attributed_touch, mql_at, sql_at, opp_at, won_at, nurtured_at, lost_at,
			last_sales_touch_at, won_revenue, secs_lead, secs_mql, secs_sql, secs_opp, in_lead, in_mql, in_sql, in_opp,
			open_stage, open_since""";

	private final JdbcTemplate jdbc;

	LeadFacts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void upsert(List<LeadFact> facts) {
		if (facts.isEmpty()) {
			return;
		}
		String[] columns = COLUMNS.replace("\n", " ").split(",\\s*");
		StringBuilder sql = new StringBuilder("insert into analytics_lead (").append(COLUMNS).append(") values (")
			.append("?, ".repeat(columns.length - 1)).append("?) on conflict (lead_id) do update set ");
		for (int i = 1; i < columns.length; i++) {
			sql.append(i > 1 ? ", " : "").append(columns[i].strip()).append(" = excluded.").append(columns[i].strip());
		}
		jdbc.batchUpdate(sql.toString(), facts.stream().map(LeadFacts::row).toList());
	}

	/**
	 * New touches of a lead, all from one series and channel in one month, for {@link #moveLastTouch}.
	 * @param emailState whether one of them is an e-mail open or click
	 */
	record NewTouches(long leadId, Instant oldest, Instant newest, int month, Long seriesId, String channel,
			boolean emailState) {
	}

	/**
	 * Moves the last touch of facts forward in place where the touches change nothing else of the fact nor of any
	 * rollup: none is older than the fact's last touch (one as old may be that very touch, seen by an earlier
	 * recomputation; were it another, it would change nothing either), they are in its month, from the series and
	 * channel the fact has as last ones; an e-mail open or click does not clear a bounce; a lost lead is not
	 * re-engaged by them.
	 * @return the leads moved; the others must be recomputed
	 */
	Set<Long> moveLastTouch(List<NewTouches> touches) {
		if (touches.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.queryForList("""
				update analytics_lead f set last_touch_at = t.newest
				from unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[], ?::int[], ?::bigint[], ?::text[], ?::boolean[])
				     t(lead_id, oldest, newest, month, series_id, channel, email_state)
				where f.lead_id = t.lead_id and t.oldest >= f.last_touch_at and f.last_touch_month = t.month
				  and f.last_series_id is not distinct from t.series_id and f.last_channel is not distinct from t.channel
				  and not (t.email_state and f.email_bounced)
				  and (f.lost_at is null or t.newest <= f.lost_at or f.last_touch_at > f.lost_at)
				returning f.lead_id""", Long.class, arrays(touches)));
	}

	private static Object[] arrays(List<NewTouches> touches) {
		return new Object[] { touches.stream().map(NewTouches::leadId).toArray(Long[]::new),
				touches.stream().map(t -> Timestamp.from(t.oldest())).toArray(Timestamp[]::new),
				touches.stream().map(t -> Timestamp.from(t.newest())).toArray(Timestamp[]::new),
				touches.stream().map(NewTouches::month).toArray(Integer[]::new),
				touches.stream().map(NewTouches::seriesId).toArray(Long[]::new),
				touches.stream().map(NewTouches::channel).toArray(String[]::new),
				touches.stream().map(NewTouches::emailState).toArray(Boolean[]::new) };
	}

	/**
	 * Moves the last touch of facts forward in place where the new touches are newer than everything the fact has
	 * seen, whatever their series, channel and month: the last touch, its month, the e-mail bounce flag and (before
	 * the lead became an SQL; later touches earn no attribution) the last series and channel become the new touches'.
	 * Only for facts with a touch that earns attribution, so the first attribution stays. The rollups the moved facts
	 * feed are the caller's to move.
	 * @return the leads moved; the others must be recomputed
	 */
	Set<Long> moveNewestTouch(List<NewTouches> touches) {
		if (touches.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.queryForList("""
				update analytics_lead f set last_touch_at = t.newest, last_touch_month = t.month,
				       last_series_id = case when f.sql_at is null then t.series_id else f.last_series_id end,
				       last_channel = case when f.sql_at is null then t.channel else f.last_channel end,
				       email_bounced = f.email_bounced and not t.email_state
				from unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[], ?::int[], ?::bigint[], ?::text[], ?::boolean[])
				     t(lead_id, oldest, newest, month, series_id, channel, email_state)
				where f.lead_id = t.lead_id and t.oldest > f.last_touch_at and f.has_attributed_touch
				  and (f.sql_at is null or t.oldest > f.sql_at)
				returning f.lead_id""", Long.class, arrays(touches)));
	}

	void delete(Collection<Long> leadIds) {
		if (!leadIds.isEmpty()) {
			jdbc.update("delete from analytics_lead where lead_id = any(?)", (Object) leadIds.toArray(Long[]::new));
		}
	}

	public long count() {
		return jdbc.queryForObject("select count(*) from analytics_lead", Long.class);
	}

	private static Object[] row(LeadFact f) {
		var t = f.times();
		return new Object[] { f.leadId(), f.industry(), f.region(), f.sizeBand(), f.owner(), ts(f.createdAt()),
				Date.valueOf(f.createdDay()), ts(f.lastTouchAt()), f.lastTouchMonth(), f.presentMask(), f.emailBounced(),
				f.phoneDead(), f.stage(), f.band(), f.firstSeriesId(), f.firstChannel(), f.lastSeriesId(),
				f.lastChannel(), f.hasAttributedTouch(), ts(f.mqlAt()), ts(f.sqlAt()), ts(f.oppAt()), ts(f.wonAt()),
				ts(f.nurturedAt()), ts(f.lostAt()), ts(f.lastSalesTouchAt()), f.wonRevenue(), t.secsLead(), t.secsMql(),
				t.secsSql(), t.secsOpp(), t.inLead(), t.inMql(), t.inSql(), t.inOpp(), t.openStage(), ts(t.openSince()) };
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}
}
