package com.leadflow.analytics.readmodel;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
			lead_id, industry, region, size_band, owner, created_at, created_day, last_touch_day, last_touch_month,
			present_mask, email_bounced, phone_dead, stage, band, first_series_id, first_channel, last_series_id,
			last_channel, has_attributed_touch, mql_at, sql_at, opp_at, won_at, nurtured_at, lost_at, touched_after_lost,
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
	 * @param oldestDay the day of the oldest in the business zone ({@code newestDay}: of the newest)
	 * @param emailState whether one of them is an e-mail open or click
	 */
	record NewTouches(long leadId, Instant oldest, LocalDate oldestDay, Instant newest, LocalDate newestDay, int month,
			Long seriesId, String channel, boolean emailState) {
	}

	/**
	 * Moves the last touch of facts forward in place where the touches change nothing else of the fact nor of any
	 * rollup: none is from a day before the fact's last touch (touches of that day change nothing: the fact keeps
	 * days), they are in its month, from the series and channel the fact has as last ones; an e-mail open or click
	 * does not clear a bounce; a lost lead is not re-engaged by them. Only facts whose last touch moves to a later
	 * day are written; on a busy day most touches of a lead find their day stored and cost a read.
	 * @return the leads moved or left as they were; the others must be recomputed
	 */
	Set<Long> moveLastTouch(List<NewTouches> touches) {
		if (touches.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.queryForList("""
				with t as (
				    select * from unnest(?::bigint[], ?::timestamptz[], ?::date[], ?::timestamptz[], ?::date[], ?::int[],
				                         ?::bigint[], ?::text[], ?::boolean[])
				           t(lead_id, oldest, oldest_day, newest, newest_day, month, series_id, channel, email_state)),
				movable as (
				    select f.lead_id, t.newest_day, t.newest_day > f.last_touch_day as later
				    from analytics_lead f join t on f.lead_id = t.lead_id
				    where t.oldest_day >= f.last_touch_day and f.last_touch_month = t.month
				      and f.last_series_id is not distinct from t.series_id and f.last_channel is not distinct from t.channel
				      and not (t.email_state and f.email_bounced)
				      and (f.lost_at is null or t.newest <= f.lost_at or f.touched_after_lost)),
				moved as (
				    update analytics_lead f set last_touch_day = m.newest_day from movable m
				    where f.lead_id = m.lead_id and m.later)
				select lead_id from movable""", Long.class, arrays(touches)));
	}

	private static Object[] arrays(List<NewTouches> touches) {
		return new Object[] { touches.stream().map(NewTouches::leadId).toArray(Long[]::new),
				touches.stream().map(t -> Timestamp.from(t.oldest())).toArray(Timestamp[]::new),
				touches.stream().map(t -> Date.valueOf(t.oldestDay())).toArray(Date[]::new),
				touches.stream().map(t -> Timestamp.from(t.newest())).toArray(Timestamp[]::new),
				touches.stream().map(t -> Date.valueOf(t.newestDay())).toArray(Date[]::new),
				touches.stream().map(NewTouches::month).toArray(Integer[]::new),
				touches.stream().map(NewTouches::seriesId).toArray(Long[]::new),
				touches.stream().map(NewTouches::channel).toArray(String[]::new),
				touches.stream().map(NewTouches::emailState).toArray(Boolean[]::new) };
	}

	/**
	 * Moves the last touch of facts forward in place where the new touches are from a later day than everything the
	 * fact has seen, whatever their series, channel and month: the last touch, its month, the e-mail bounce flag, the
	 * lost lead's re-engagement and (before the lead became an SQL; later touches earn no attribution) the last series
	 * and channel become the new touches'. Only for facts with a touch that earns attribution, so the first
	 * attribution stays. The rollups the moved facts feed are the caller's to move.
	 * @return the leads moved; the others must be recomputed
	 */
	Set<Long> moveNewestTouch(List<NewTouches> touches) {
		if (touches.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.queryForList("""
				update analytics_lead f set last_touch_day = t.newest_day, last_touch_month = t.month,
				       last_series_id = case when f.sql_at is null then t.series_id else f.last_series_id end,
				       last_channel = case when f.sql_at is null then t.channel else f.last_channel end,
				       email_bounced = f.email_bounced and not t.email_state,
				       touched_after_lost = f.touched_after_lost or coalesce(t.newest > f.lost_at, false)
				from unnest(?::bigint[], ?::timestamptz[], ?::date[], ?::timestamptz[], ?::date[], ?::int[], ?::bigint[],
				            ?::text[], ?::boolean[])
				     t(lead_id, oldest, oldest_day, newest, newest_day, month, series_id, channel, email_state)
				where f.lead_id = t.lead_id and t.oldest_day > f.last_touch_day and f.has_attributed_touch
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
				Date.valueOf(f.createdDay()), Date.valueOf(f.lastTouchDay()), f.lastTouchMonth(), f.presentMask(),
				f.emailBounced(), f.phoneDead(), f.stage(), f.band(), f.firstSeriesId(), f.firstChannel(),
				f.lastSeriesId(), f.lastChannel(), f.hasAttributedTouch(), ts(f.mqlAt()), ts(f.sqlAt()), ts(f.oppAt()),
				ts(f.wonAt()), ts(f.nurturedAt()), ts(f.lostAt()), f.touchedAfterLost(), ts(f.lastSalesTouchAt()),
				f.wonRevenue(), t.secsLead(), t.secsMql(), t.secsSql(), t.secsOpp(), t.inLead(), t.inMql(), t.inSql(),
				t.inOpp(), t.openStage(), ts(t.openSince()) };
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}
}
