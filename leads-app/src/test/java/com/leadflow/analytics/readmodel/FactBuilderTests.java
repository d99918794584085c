package com.leadflow.analytics.readmodel;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.leadflow.analytics.standards.AnalyticsProperties;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.Touch;
import com.leadflow.core.TouchAction;
import com.leadflow.crmsync.LeadLifecycle.HistoryEntry;
import com.leadflow.crmsync.LeadLifecycle.LeadStage;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.scoring.ScoreBand;

/** The fact of a lead from what the APIs say: stage times, reached stages, attribution and upkeep flags. */
class FactBuilderTests {

	static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

	final FactBuilder builder = new FactBuilder(new AnalyticsProperties(ZoneId.of("Asia/Shanghai"), Duration.ofMillis(500),
			500, Duration.ofSeconds(1), true, "0 55 23 * * *", 0.85, 0.05, List.of("NAME"), 12, 90, List.of("CALL", "SALES_NOTE"),
			List.of("OUT_OF_SERVICE"), "dealAmount"));

	@Test
	void timeInStageSumsClosedPeriodsAndKeepsTheOpenOne() {
		LeadStage stage = new LeadStage(1, LifecycleStage.SQL, null, null, null, List.of(
				move(LifecycleStage.NEW, LifecycleStage.NURTURING, 1), move(LifecycleStage.NURTURING, LifecycleStage.MQL, 3),
				move(LifecycleStage.MQL, LifecycleStage.SAL, 4), move(LifecycleStage.SAL, LifecycleStage.SQL, 6)));
		LeadFact fact = builder.build(lead(Map.of()), List.of(touch(1, TouchAction.FORM_SUBMIT, 0, 7L, "WEB_FORM")), stage,
				Map.of("a", ScoreBand.WARM, "b", ScoreBand.HOT));

		then(fact.times().secsLead()).isEqualByComparingTo(String.valueOf(3 * 86_400)); // NEW 1 day + NURTURING 2 days
		then(fact.times().secsMql()).isEqualByComparingTo(String.valueOf(3 * 86_400)); // MQL 1 day + SAL 2 days
		then(fact.times().openStage()).isEqualTo("SQL");
		then(fact.times().openSince()).isEqualTo(T0.plus(Duration.ofDays(6)));
		then(fact.mqlAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
		then(fact.sqlAt()).isEqualTo(T0.plus(Duration.ofDays(6)));
		then(fact.oppAt()).isNull();
		then(fact.nurturedAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
		then(fact.band()).isEqualTo("HOT");
	}

	@Test
	void lastTouchIsTheLastMarketingTouchBeforeSqlAndFlagsFollowTheLatestEvents() {
		LeadStage stage = new LeadStage(1, LifecycleStage.SQL, null, null, null, List.of(
				move(LifecycleStage.NEW, LifecycleStage.MQL, 2), move(LifecycleStage.MQL, LifecycleStage.SAL, 2),
				move(LifecycleStage.SAL, LifecycleStage.SQL, 5)));
		List<Touch> touches = List.of(touch(1, TouchAction.WEBINAR_REGISTER, 0, 1L, "WEBINAR"),
				touch(2, TouchAction.FORM_SUBMIT, 4, 2L, "WEB_FORM"), touch(3, TouchAction.CALL, 4, null, "CALL"),
				touch(4, TouchAction.EMAIL_BOUNCE, 6, null, "EDM"), touch(5, TouchAction.WHITEPAPER_DOWNLOAD, 7, 3L, "WHITEPAPER"),
				new Touch(6, 1, TouchAction.CALL, "CALL", null, T0.plus(Duration.ofDays(8)), null, null,
						Map.of("outcome", "out of service")));
		LeadFact fact = builder.build(lead(Map.of()), touches, stage, Map.of());

		then(fact.firstSeriesId()).isEqualTo(1L);
		then(fact.lastSeriesId()).isEqualTo(2L); // the whitepaper came after SQL, the call is a sales touch
		then(fact.lastChannel()).isEqualTo("WEB_FORM");
		then(fact.emailBounced()).isTrue();
		then(fact.phoneDead()).isTrue();
		then(fact.lastSalesTouchAt()).isEqualTo(T0.plus(Duration.ofDays(8)));
		then(fact.lastTouchDay()).as("its day in the business zone (08:00 there)").isEqualTo(LocalDate.parse("2026-10-09"));
	}

	@Test
	void aLostLeadIsReEngagedByATouchAfterTheLossOnly() {
		LeadStage lost = new LeadStage(1, LifecycleStage.LOST, null, null, null, List.of(
				move(LifecycleStage.NEW, LifecycleStage.SQL, 2), move(LifecycleStage.SQL, LifecycleStage.LOST, 5)));
		List<Touch> before = List.of(touch(1, TouchAction.FORM_SUBMIT, 0, 7L, "WEB_FORM"),
				touch(2, TouchAction.PAGE_VIEW, 5, 7L, "WEB_FORM")); // as old as the loss
		List<Touch> after = List.of(touch(1, TouchAction.FORM_SUBMIT, 0, 7L, "WEB_FORM"),
				touch(2, TouchAction.PAGE_VIEW, 6, 7L, "WEB_FORM"));

		then(builder.build(lead(Map.of()), before, lost, Map.of()).touchedAfterLost()).isFalse();
		then(builder.build(lead(Map.of()), after, lost, Map.of()).touchedAfterLost()).isTrue();
		then(builder.build(lead(Map.of()), after, null, Map.of()).touchedAfterLost()).as("never lost").isFalse();
	}

	private static HistoryEntry move(LifecycleStage from, LifecycleStage to, int day) {
		return new HistoryEntry(day, from, to, null, null, "test", T0.plus(Duration.ofDays(day)));
	}

	private static Touch touch(long id, TouchAction action, int day, Long series, String channel) {
		return new Touch(id, 1, action, channel, series, T0.plus(Duration.ofDays(day)), null, null, Map.of());
	}

	private static LeadSnapshot lead(Map<String, Object> attributes) {
		return new LeadSnapshot(1, "Li", "CTO", null, "East", null, null, null, "SQL", null, null, null, 1L, "Acme",
				"Manufacturing", "100-499", false, List.of("li@example.cn"), List.of("+8613800138000"), List.of(),
				attributes, T0, T0);
	}
}
