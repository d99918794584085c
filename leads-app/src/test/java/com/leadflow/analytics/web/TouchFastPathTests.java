package com.leadflow.analytics.web;

import static com.leadflow.analytics.web.AnalyticsHttp.move;
import static com.leadflow.analytics.web.AnalyticsHttp.ok;
import static com.leadflow.analytics.web.AnalyticsHttp.post;
import static com.leadflow.analytics.web.AnalyticsHttp.settle;
import static org.assertj.core.api.BDDAssertions.then;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.analytics.readmodel.DirtyLeads;
import com.leadflow.analytics.readmodel.FactRefresher;
import com.leadflow.campaigns.FourCRole;
import com.leadflow.campaigns.JourneyStage;
import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.UserAccounts;

/**
 * A touch that can only move a lead's last touch forward (or is one more of its last day) updates its fact in place,
 * also to another series, channel or month from a later day (the rollups move with it); every other touch recomputes
 * the lead. Either way the facts and rollups must
 * equal what a full recomputation from the other modules gives. A column the fast path never writes ({@code owner})
 * is overwritten with a marker first: it survives only where the fast path was taken. Refreshes of one lead running
 * at once move the rollups once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TouchFastPathTests {

	static final String MARKER = "fast-path-marker";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts users;

	@Autowired
	DirtyLeads dirty;

	@Autowired
	FactRefresher refresher;

	@Test
	void onlyTouchesThatMoveTheLastTouchSkipTheRecomputationAndBothGiveTheSameFacts() {
		RestClient admin = TestHttp.as(port, users, Role.ADMIN);
		long series = ok(post(admin, "/api/campaign-series", Map.of("name", "Fast path " + System.nanoTime(),
				"journeyStage", JourneyStage.values()[0].name(), "fourCRole", FourCRole.values()[0].name(), "channels",
				List.of(Map.of("channel", "EDM", "cost", 100), Map.of("channel", "WEB_FORM", "cost", 100)))))
			.path("id").asLong();
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		Instant now = Instant.now();
		Instant base = now.minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		if (base.atZone(zone).getMonthValue() != now.atZone(zone).getMonthValue()) {
			base = now.atZone(zone).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
		}
		String run = Long.toString(System.nanoTime(), 36);
		Map<String, Long> leads = new HashMap<>();
		for (String lead : List.of("fast", "day", "channel", "bounce", "older", "month", "lost", "call", "phone", "phone-one",
				"unattributed")) {
			Instant first = switch (lead) { // a new series or channel moves in place from an earlier day only
				case "month" -> base.minus(40, ChronoUnit.DAYS);
				case "day", "channel", "lost" -> base.minus(1, ChronoUnit.DAYS);
				case "older" -> base.plusSeconds(2);
				default -> base;
			};
			String action = lead.equals("unattributed") ? "UNSUBSCRIBE" : "PAGE_VIEW"; // earns no attribution
			leads.put(lead, ingest(admin, series, lead + "-" + run, "EDM", action, first, "first"));
		}
		settle(jdbc);
		for (String stage : List.of("MQL", "SAL", "SQL", "OPPORTUNITY", "LOST")) {
			ok(post(admin, "/api/lifecycle/leads/" + leads.get("lost") + "/transitions", move(stage, null)));
		}
		settle(jdbc);
		jdbc.update("update analytics_lead set owner = ? where lead_id = any(?)", MARKER,
				leads.values().toArray(Long[]::new));

		// one touch per lead and batch, so that each is the lead's only mark when the worker claims it
		ingest(admin, series, "fast-" + run, "EDM", "PAGE_VIEW", base.plusSeconds(1), "a"); // stays Cool
		ingest(admin, series, "day-" + run, "EDM", "PAGE_VIEW", base.plusSeconds(1), "a"); // a later day: written
		ingest(admin, series, "channel-" + run, "WEB_FORM", "FORM_SUBMIT", base.plusSeconds(1), "a");
		ingest(admin, series, "bounce-" + run, "EDM", "EMAIL_BOUNCE", base.plusSeconds(1), "a");
		ingest(admin, series, "older-" + run, "EDM", "PAGE_VIEW", base.plusSeconds(1), "a"); // older, its last day
		ingest(admin, series, "month-" + run, "EDM", "PAGE_VIEW", base, "a");
		ingest(admin, series, "lost-" + run, "WEB_FORM", "PAGE_VIEW", Instant.now(), "a"); // re-engages the lost lead,
		// after it was an SQL: no attribution
		ingest(admin, series, "call-" + run, "EDM", "CALL", base.plusSeconds(1), "a");
		// its first attributed touch: the first attribution moves too
		ingest(admin, series, "unattributed-" + run, "WEB_FORM", "FORM_SUBMIT", base.plusSeconds(1), "a");
		Map<String, Object> withPhone = item(series, "phone-" + run, "EDM", "PAGE_VIEW", base.plusSeconds(1), "a");
		withPhone.put("phone", "+8613911" + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000)));
		ok(post(admin, "/api/ingest/batches", Map.of("items", List.of(withPhone)))); // a new key: the profile changed
		Map<String, Object> onePhone = item(series, "phone-one-" + run, "EDM", "PAGE_VIEW", base.plusSeconds(1), "a");
		onePhone.put("phone", "+8613912" + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000)));
		ok(post(admin, "/api/ingest/touches", onePhone)); // the same, one arrival at a time
		settle(jdbc);
		String version = "select xmin::text from analytics_lead where lead_id = ?";
		String fastVersion = jdbc.queryForObject(version, String.class, leads.get("fast"));
		// two touches of one lead, claimed together, on the day of its last touch: its fact stays as it is
		ok(post(admin, "/api/ingest/batches", Map.of("items",
				List.of(item(series, "fast-" + run, "EDM", "EMAIL_OPEN", base.plusSeconds(2), "b"),
						item(series, "fast-" + run, "EDM", "PAGE_VIEW", base.plusSeconds(3), "c")))));
		ingest(admin, series, "bounce-" + run, "EDM", "EMAIL_OPEN", base.plusSeconds(2), "b"); // clears the bounce
		settle(jdbc);

		then(jdbc.queryForObject(version, String.class, leads.get("fast"))).as("no new row version").isEqualTo(fastVersion);

		Map<String, Object> owners = new LinkedHashMap<>();
		leads.forEach((name, id) -> owners.put(name,
				jdbc.queryForObject("select owner from analytics_lead where lead_id = ?", String.class, id)));
		List<String> inPlace = List.of("fast", "day", "channel", "older", "month", "lost");
		then(owners).as("only the leads whose touches just moved their last touch kept the marker")
			.containsEntry("fast", MARKER)
			.allSatisfy((name, owner) -> then(MARKER.equals(owner)).as(name).isEqualTo(inPlace.contains(name)));
		then(jdbc.queryForObject("select last_touch_day from analytics_lead where lead_id = ?", java.sql.Date.class,
				leads.get("fast")).toLocalDate()).isEqualTo(base.plusSeconds(3).atZone(zone).toLocalDate());

		Long[] ids = leads.values().toArray(Long[]::new);
		jdbc.update("update analytics_lead f set owner = nullif(trim(l.owner), '') from lead l " // what the pool says
				+ "where l.id = f.lead_id and f.owner = ?", MARKER);
		String facts = "select * from analytics_lead where lead_id = any(?) order by lead_id";
		List<Map<String, Object>> factsInPlace = jdbc.queryForList(facts, (Object) ids);
		Map<String, List<Map<String, Object>>> rollupsInPlace = rollups();
		dirty.mark(List.of(ids));
		settle(jdbc);
		refresher.recomputeRollups();
		then(jdbc.queryForList(facts, (Object) ids)).as("facts recomputed in full").isEqualTo(factsInPlace);
		thenRollupsAsRecomputed(rollupsInPlace);
	}

	@Test
	void refreshesOfOneLeadAtOnceMoveTheRollupsOnce() throws Exception {
		RestClient admin = TestHttp.as(port, users, Role.ADMIN);
		long series = ok(post(admin, "/api/campaign-series", Map.of("name", "Concurrent " + System.nanoTime(),
				"journeyStage", JourneyStage.values()[0].name(), "fourCRole", FourCRole.values()[0].name(), "channels",
				List.of(Map.of("channel", "EDM", "cost", 100))))).path("id").asLong();
		String run = Long.toString(System.nanoTime(), 36);
		Long[] ids = new Long[5];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = ingest(admin, series, "concurrent-" + i + "-" + run, "EDM", "PAGE_VIEW", Instant.now(), "a");
		}
		settle(jdbc);
		// the pool says something new of them without an event (so no mark): only the refreshes below move the facts
		jdbc.update("update lead set region = ? where id = any(?)", "华南 " + run, ids);

		ExecutorService threads = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			done.add(threads.submit(() -> {
				start.await();
				refresher.refresh(List.of(ids));
				return null;
			}));
		}
		start.countDown();
		for (Future<?> f : done) {
			f.get();
		}
		threads.shutdown();

		then(jdbc.queryForObject("select sum(leads) from analytics_segment_rollup where region = ?", Long.class,
				"华南 " + run)).as("the new region counted once per lead").isEqualTo(5L);
		Map<String, List<Map<String, Object>>> kept = rollups();
		refresher.recomputeRollups();
		thenRollupsAsRecomputed(kept);
	}

	/**
	 * The rollups (just recomputed from the facts) equal those kept by differences: sums of both kinds may differ in
	 * scale and in the last millisecond (each lead's seconds are rounded before they are added).
	 */
	private void thenRollupsAsRecomputed(Map<String, List<Map<String, Object>>> kept) {
		then(rollups()).as("rollups recomputed from the facts").usingRecursiveComparison()
			.withComparatorForType((a, b) -> a.subtract(b).abs().compareTo(new BigDecimal("0.01")) <= 0 ? 0 : a.compareTo(b),
					BigDecimal.class)
			.isEqualTo(kept);
	}

	private long ingest(RestClient admin, long series, String person, String channel, String action, Instant at,
			String key) {
		return ok(post(admin, "/api/ingest/batches", Map.of("items", List.of(item(series, person, channel, action, at,
				key))))).path("results").get(0).path("leadId").asLong();
	}

	private static Map<String, Object> item(long series, String person, String channel, String action, Instant at,
			String key) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("idempotencyKey", person + "-" + key);
		item.put("seriesId", series);
		item.put("channel", channel);
		item.put("action", action);
		item.put("occurredAt", at.toString());
		item.put("email", person + "@fastpath.example");
		if (action.equals("CALL")) {
			item.put("payload", Map.of("outcome", "CONNECTED"));
		}
		return item;
	}

	private Map<String, List<Map<String, Object>>> rollups() {
		Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
		for (String table : List.of("analytics_segment_rollup", "analytics_stage_rollup", "analytics_upkeep_rollup",
				"analytics_cohort_rollup", "analytics_conversion_rollup")) {
			out.put(table, jdbc.queryForList("select * from " + table + " where leads <> 0 order by 1, 2, 3, 4"));
		}
		return out;
	}
}
