package com.leadflow.analytics.web;

import static com.leadflow.analytics.web.AnalyticsHttp.get;
import static com.leadflow.analytics.web.AnalyticsHttp.ok;
import static com.leadflow.analytics.web.AnalyticsHttp.post;
import static com.leadflow.analytics.web.AnalyticsHttp.put;
import static com.leadflow.analytics.web.AnalyticsHttp.settle;
import static org.assertj.core.api.BDDAssertions.then;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.analytics.standards.AnalyticsProperties;
import com.leadflow.analytics.visibility.UpkeepReport;
import com.leadflow.campaigns.FourCRole;
import com.leadflow.campaigns.JourneyStage;
import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.UserAccounts;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

import tools.jackson.databind.JsonNode;

/**
 * A hand-computed fixture built through the real APIs (series, ingestion, pool, lifecycle), the events and the read
 * model: visibility, funnel, leaks, attribution, upkeep and conversion must match it exactly, and a rebuild from the
 * APIs must give the same figures as the events did.
 *
 * <pre>
 * lead  series/channel        industry/region       complete?            path                          touches after MQL
 * L1    A  WEBINAR            Manufacturing/East    yes (email)          MQL SAL SQL OPP WON (¥50,000)  CALL (sales)
 * L2    A  WEBINAR            Manufacturing/East    yes (mobile)         MQL SAL SQL OPP LOST           none
 * L3    A  WEB_FORM           Manufacturing/East    no (title)           MQL SAL SQL                    CALL (sales)
 * L4    B  OFFLINE_EVENT      Manufacturing/North   yes                  MQL                            A WEB_FORM form
 * L5    B  OFFLINE_EVENT      Retail/-              no (name,title,reg.) nurturing; touches 400/390 days old, bounce
 * L6    - (pool API)          Retail/South          yes                  MQL DISQUALIFIED               CALL out of service
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsFixtureTests {

	static final String STAGE = JourneyStage.values()[0].name();

	static final String ROLE = FourCRole.values()[0].name();

	/** Far enough back for the whole fixture. */
	static final String SINCE = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(500).toString();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts users;

	@Autowired
	UpkeepReport upkeep;

	@Autowired
	AnalyticsProperties properties;

	RestClient admin;

	final Map<String, Long> leads = new HashMap<>();

	long seriesA;

	long seriesB;

	@BeforeAll
	void fixture() {
		settle(jdbc);
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		admin = TestHttp.as(port, users, Role.ADMIN);
		seriesA = ok(post(admin, "/api/campaign-series", Map.of("name", "Spring webinar", "journeyStage", STAGE, "fourCRole", ROLE, "channels",
				List.of(Map.of("channel", "WEBINAR", "cost", 1000), Map.of("channel", "WEB_FORM", "cost", 500)))))
			.path("id").asLong();
		seriesB = ok(post(admin, "/api/campaign-series", Map.of("name", "+Expo 2026", "journeyStage", STAGE, "fourCRole", ROLE, "channels",
				List.of(Map.of("channel", "OFFLINE_EVENT", "cost", 2000))))).path("id").asLong();
		Instant now = Instant.now();
		ingest("L1", seriesA, "WEBINAR", now, Map.of("name", "Li Lei", "email", "l1@example.cn", "title", "CTO",
				"company", "Acme", "industry", "Manufacturing", "region", "East"));
		ingest("L2", seriesA, "WEBINAR", now, Map.of("name", "Han Mei", "phone", "13800138002", "title", "CIO",
				"company", "Bolt", "industry", "Manufacturing", "region", "East"));
		ingest("L3", seriesA, "WEB_FORM", now, Map.of("name", "Wang Wu", "email", "l3@example.cn", "company", "Cog",
				"industry", "manufacturing", "region", "east"));
		ingest("L4", seriesB, "OFFLINE_EVENT", now, Map.of("name", "Zhao Liu", "email", "l4@example.cn", "title",
				"Buyer", "company", "Dyn", "industry", "Manufacturing", "region", "North"));
		ingest("L5", seriesB, "OFFLINE_EVENT", now.minus(400, ChronoUnit.DAYS),
				Map.of("email", "l5@example.cn", "company", "Eon", "industry", "Retail"));
		leads.put("L6", ok(post(admin, "/api/leads", Map.of("name", "Sun Qi", "email", "l6@example.cn", "title", "CEO",
				"region", "South", "company", Map.of("name", "Fab", "industry", "Retail"), "touch",
				Map.of("action", "FORM_SUBMIT", "channel", "API")))).path("leadId").asLong());
		settle(jdbc);
		leads.values().forEach(id -> then(get(admin, "/api/lifecycle/leads/" + id).path("stage").asString())
			.as("lead %d is routed to nurturing by its first (cool or warm) band", id).isEqualTo("NURTURING"));

		walk("L1", "MQL", "SAL");
		touch("l1@example.cn", "CALL", null, Map.of("dealAmount", "50,000"));
		walk("L1", "SQL", "OPPORTUNITY", "WON");
		walk("L2", "MQL", "SAL", "SQL", "OPPORTUNITY", "LOST");
		walk("L3", "MQL", "SAL");
		touch("l3@example.cn", "CALL", null, Map.of());
		walk("L3", "SQL");
		walk("L4", "MQL");
		ingest("L4", seriesA, "WEB_FORM", Instant.now(), Map.of("email", "l4@example.cn"));
		touch("l5@example.cn", "EMAIL_BOUNCE", now.minus(390, ChronoUnit.DAYS), Map.of());
		walk("L6", "MQL");
		ok(post(admin, "/api/lifecycle/leads/" + leads.get("L6") + "/transitions",
				AnalyticsHttp.move("DISQUALIFIED", "WRONG_DATA")));
		Map<String, Object> call = new LinkedHashMap<>(Map.of("email", "l6@example.cn", "touch",
				Map.of("action", "CALL", "payload", Map.of("outcome", "out of service"))));
		ok(post(admin, "/api/leads", call));
		ok(put(admin, "/api/analytics/market-sizes", List.of(
				segment("Manufacturing", "East", null, 4), segment("Manufacturing", null, null, 10),
				segment("Retail", "South", null, 1), segment(null, null, null, 20))));
		settle(jdbc);
	}

	@Test
	void visibilityMatchesTheFixture() {
		JsonNode map = get(admin, "/api/analytics/visibility");

		then(map.path("target").asDouble()).isEqualTo(0.85);
		Map<String, JsonNode> bySegment = new HashMap<>();
		map.path("segments").forEach(s -> bySegment.put(s.path("industry").asString("*") + "/"
				+ s.path("region").asString("*") + "/" + s.path("sizeBand").asString("*"), s));
		then(bySegment).hasSize(4);
		expect(bySegment.get("Manufacturing/East/*"), 4, 3, 2, "0.5000", 2, "BELOW", "[TITLE=1]");
		expect(bySegment.get("Manufacturing/*/*"), 10, 4, 3, "0.3000", 6, "BELOW", "[TITLE=1]");
		expect(bySegment.get("Retail/South/*"), 1, 1, 1, "1.0000", 0, "ON_TARGET", "[]");
		expect(bySegment.get("*/*/*"), 20, 6, 4, "0.2000", 13, "BELOW", "[TITLE=2, NAME=1, REGION=1]");
	}

	@Test
	void funnelMatchesTheFixture() {
		// L5's first touch is 400 days old, so the pool dates the lead then: it is not in the last 30 days' cohort
		then(stages(get(admin, "/api/analytics/funnel")))
			.isEqualTo("LEAD 5 1.0000, MQL 5 0.6000, SQL 3 0.6667, OPPORTUNITY 2 0.5000, WON 1 null");
		JsonNode all = get(admin, "/api/analytics/funnel?from=" + SINCE);
		then(stages(all)).isEqualTo("LEAD 6 0.8333, MQL 5 0.6000, SQL 3 0.6667, OPPORTUNITY 2 0.5000, WON 1 null");
		then(all.path("stages").get(0).path("avgDaysInStage").isNumber()).isTrue();
		then(all.path("stages").get(4).path("avgDaysInStage").isNull()).isTrue();
		JsonNode leaks = all.path("leaks");
		then(leaks.path("leadsNeverMql").asLong()).isEqualTo(1);
		then(leaks.path("mqls").asLong()).isEqualTo(5);
		then(leaks.path("mqlsWithoutSalesTouch").asLong()).isEqualTo(2); // L2, L4
		then(leaks.path("mqlsWithoutSalesTouchShare").decimalValue()).isEqualByComparingTo("0.4");
		then(leaks.path("lostDeals").asLong()).isEqualTo(1);
		then(leaks.path("lostNeverReengaged").asLong()).isEqualTo(1);

		// rollup path (series, channel) and fact path (industry, region, owner) count alike
		then(stages(get(admin, "/api/analytics/funnel?from=" + SINCE + "&seriesId=" + seriesA)))
			.isEqualTo("LEAD 3 1.0000, MQL 3 1.0000, SQL 3 0.6667, OPPORTUNITY 2 0.5000, WON 1 null");
		then(stages(get(admin, "/api/analytics/funnel?channel=OFFLINE_EVENT&from=" + SINCE)))
			.isEqualTo("LEAD 2 0.5000, MQL 1 0.0000, SQL 0 null, OPPORTUNITY 0 null, WON 0 null");
		then(stages(get(admin, "/api/analytics/funnel?industry=Manufacturing&from=" + SINCE)))
			.isEqualTo("LEAD 4 1.0000, MQL 4 0.7500, SQL 3 0.6667, OPPORTUNITY 2 0.5000, WON 1 null");
		then(stages(get(admin, "/api/analytics/funnel?from=" + SINCE + "&industry=manufacturing&region=EAST&seriesId=" + seriesA)))
			.isEqualTo("LEAD 3 1.0000, MQL 3 1.0000, SQL 3 0.6667, OPPORTUNITY 2 0.5000, WON 1 null");
		then(stages(get(admin, "/api/analytics/funnel?from=" + SINCE + "&seriesId=" + seriesA + "&model=LAST_TOUCH")))
			.isEqualTo("LEAD 4 1.0000, MQL 4 0.7500, SQL 3 0.6667, OPPORTUNITY 2 0.5000, WON 1 null");
		then(stages(get(admin, "/api/analytics/funnel?owner=nobody&from=" + SINCE)))
			.isEqualTo("LEAD 0 null, MQL 0 null, SQL 0 null, OPPORTUNITY 0 null, WON 0 null");
		String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
		then(stages(get(admin, "/api/analytics/funnel?from=" + yesterday + "&to=" + yesterday)))
			.isEqualTo("LEAD 0 null, MQL 0 null, SQL 0 null, OPPORTUNITY 0 null, WON 0 null");
	}

	@Test
	void attributionMatchesTheFixture() {
		then(rows(get(admin, "/api/analytics/attribution?model=FIRST_TOUCH&from=" + SINCE))).containsExactly(
				"A WEBINAR 2 1000.00 500.00 2 2 500.00 1 50000.00",
				"B OFFLINE_EVENT 2 2000.00 1000.00 1 0 null 0 0.00",
				"A WEB_FORM 1 500.00 500.00 1 1 500.00 0 0.00",
				"- API 1 null null 1 0 null 0 0.00");
		then(rows(get(admin, "/api/analytics/attribution?model=LAST_TOUCH&from=" + SINCE))).containsExactly(
				"A WEBINAR 2 1000.00 500.00 2 2 500.00 1 50000.00",
				"A WEB_FORM 2 500.00 250.00 2 1 500.00 0 0.00",
				"B OFFLINE_EVENT 1 2000.00 2000.00 0 0 null 0 0.00",
				"- API 1 null null 1 0 null 0 0.00");
	}

	@Test
	void upkeepConversionAndCollectionMatchTheFixture() {
		JsonNode upkeep = get(admin, "/api/analytics/upkeep");
		then(upkeep.path("staleAfterMonths").asInt()).isEqualTo(12);
		Map<String, String> bySegment = new HashMap<>();
		upkeep.path("segments").forEach(s -> bySegment.put(s.path("industry").asString("*") + "/"
				+ s.path("region").asString("*"), s.path("leads").asLong() + " " + s.path("bouncedEmail").asLong() + " "
				+ s.path("numberOutOfService").asLong() + " " + s.path("noTouch").asLong() + " "
				+ s.path("flagged").asLong()));
		then(bySegment).containsEntry("*/*", "6 1 1 1 2").containsEntry("Retail/South", "1 0 1 0 1")
			.containsEntry("Manufacturing/East", "3 0 0 0 0");
		then(get(admin, "/api/analytics/upkeep?staleMonths=14").path("segments").get(0).path("noTouch").asLong())
			.isEqualTo(0);

		JsonNode conversion = get(admin, "/api/analytics/conversion");
		then(conversion.path("newLeads").path("leads").asLong()).isEqualTo(5);
		then(conversion.path("newLeads").path("sqls").asLong()).isEqualTo(3);
		then(conversion.path("newLeads").path("sqlConversion").decimalValue()).isEqualByComparingTo("0.6");
		then(conversion.path("longNurtured").path("leads").asLong()).isEqualTo(1); // L5: 400 days old, nurtured
		then(conversion.path("longNurtured").path("sqls").asLong()).isZero();

		Map<String, String> stages = new HashMap<>();
		get(admin, "/api/analytics/collection").path("stages").forEach(s -> stages.put(s.path("stage").asString(),
				s.path("leads").asLong() + "/" + s.path("compliant").asLong()));
		then(stages).containsEntry("MQL", "1/1").containsEntry("SQL", "1/0").containsEntry("NEW", "0/0");

		JsonNode bands = get(admin, "/api/analytics/bands/trend?days=7").path("days");
		then(bands).hasSize(1);
		JsonNode today = bands.get(0);
		then(today.path("COOL").asLong() + today.path("WARM").asLong() + today.path("HOT").asLong()).isEqualTo(6);
	}

	@Test
	void aLeadLastTouchedInTheCutoffsMonthCountsAsNotTouchedOnlyBeforeTheCutoffsDay() {
		java.time.LocalDate lastTouch = jdbc.queryForObject("select last_touch_day from analytics_lead where lead_id = ?",
				java.sql.Date.class, leads.get("L5")).toLocalDate(); // 390 days ago, bounced; every other lead: now
		java.time.ZoneId zone = properties.zone();

		// now such that the 12-month cutoff falls on the day after L5's last touch, then late on its very day
		UpkeepReport.Upkeep after = upkeep.current(12, lastTouch.plusDays(1).plusMonths(12).atTime(0, 30).atZone(zone).toInstant());
		UpkeepReport.Upkeep before = upkeep.current(12, lastTouch.plusMonths(12).atTime(23, 59).atZone(zone).toInstant());

		then(after.noTouchSince()).isEqualTo(lastTouch.plusDays(1).atStartOfDay(zone).toInstant());
		then(after.segments().get(0).noTouch()).as("L5, in the cutoff's month, before its day").isEqualTo(1);
		then(before.segments().get(0).noTouch()).isZero();
		then(after.segments().get(0).flagged()).as("L5 bounced, L6 out of service").isEqualTo(2);
		then(before.segments().get(0).flagged()).isEqualTo(2);
	}

	@Test
	void csvExportIsFormulaSafe() {
		var csv = admin.get().uri("/api/analytics/attribution?format=csv&from=" + SINCE).retrieve().toEntity(String.class);
		then(csv.getStatusCode().value()).as(csv.getBody()).isEqualTo(200);
		then(String.valueOf(csv.getHeaders().getContentType())).startsWith("text/csv");
		then(csv.getBody()).startsWith("seriesId,seriesName,channel,newLeads,cost,costPerLead,mqls,sqls,costPerSql,won,wonRevenue")
			.contains(",'+Expo 2026,OFFLINE_EVENT,2,2000.00,1000.00,1,0,,0,0.00");
		var funnel = admin.get().uri("/api/analytics/funnel?from=" + SINCE).header("Accept", "text/csv").retrieve().toEntity(String.class);
		then(funnel.getBody()).contains("LEAD,6,0.8333,");
	}

	@Test
	@Order(Integer.MAX_VALUE) // damages the read model before rebuilding it
	void aRebuildFromTheApisGivesWhatTheEventsGave() {
		List<String> paths = List.of("/api/analytics/visibility", "/api/analytics/funnel?industry=Manufacturing",
				"/api/analytics/attribution?model=LAST_TOUCH", "/api/analytics/upkeep", "/api/analytics/collection",
				"/api/analytics/conversion");
		Map<String, String> before = new HashMap<>();
		paths.forEach(p -> before.put(p, withoutTimes(get(admin, p))));
		jdbc.update("update analytics_lead set stage = 'WON', present_mask = 0"); // damage facts and rollups alike
		jdbc.update("truncate analytics_cohort_rollup");

		then(post(admin, "/api/analytics/rebuild", Map.of()).getStatusCode().value()).isEqualTo(202);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> get(admin, "/api/analytics/rebuild").path("status").asString().equals("DONE"));
		settle(jdbc);

		paths.forEach(p -> then(withoutTimes(get(admin, p))).as(p).isEqualTo(before.get(p)));
		then(post(TestHttp.as(port, users, Role.MARKETER), "/api/analytics/rebuild", Map.of()).getStatusCode().value())
			.isEqualTo(403);
	}

	// --- fixture helpers

	private void ingest(String lead, long series, String channel, Instant at, Map<String, Object> fields) {
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put("idempotencyKey", lead + "-" + channel + "-" + at.toEpochMilli());
		body.put("seriesId", series);
		body.put("channel", channel);
		body.put("occurredAt", at.toString());
		JsonNode stored = ok(post(admin, "/api/ingest/touches", body));
		leads.putIfAbsent(lead, stored.path("leadId").asLong());
		settle(jdbc);
	}

	private void touch(String email, String action, Instant at, Map<String, Object> attributes) {
		Map<String, Object> touch = new LinkedHashMap<>(Map.of("action", action));
		if (at != null) {
			touch.put("occurredAt", at.toString());
		}
		ok(post(admin, "/api/leads", Map.of("email", email, "attributes", attributes, "touch", touch)));
		settle(jdbc);
	}

	private void walk(String lead, String... stages) {
		for (String stage : stages) {
			ok(post(admin, "/api/lifecycle/leads/" + leads.get(lead) + "/transitions", AnalyticsHttp.move(stage, null)));
		}
		settle(jdbc);
	}

	private static Map<String, Object> segment(String industry, String region, String size, long market) {
		Map<String, Object> m = new HashMap<>();
		m.put("industry", industry);
		m.put("region", region);
		m.put("sizeBand", size);
		m.put("marketSize", market);
		return m;
	}

	private static void expect(JsonNode s, long market, long leads, long complete, String visibility, long gap,
			String status, String missing) {
		then(s).as("segment").isNotNull();
		then(s.path("marketSize").asLong()).isEqualTo(market);
		then(s.path("leads").asLong()).isEqualTo(leads);
		then(s.path("completeLeads").asLong()).isEqualTo(complete);
		then(s.path("visibility").decimalValue()).isEqualByComparingTo(visibility);
		then(s.path("gap").asLong()).isEqualTo(gap);
		then(s.path("status").asString()).isEqualTo(status);
		List<String> fields = new java.util.ArrayList<>();
		s.path("missingFields").forEach(f -> fields.add(f.path("field").asString() + "=" + f.path("count").asLong()));
		then(fields.toString()).isEqualTo(missing);
	}

	private static String stages(JsonNode funnel) {
		List<String> out = new java.util.ArrayList<>();
		funnel.path("stages").forEach(s -> out.add(s.path("stage").asString() + " " + s.path("count").asLong() + " "
				+ (s.path("conversionToNext").isNull() ? "null" : s.path("conversionToNext").decimalValue().setScale(4).toPlainString())));
		return String.join(", ", out);
	}

	private List<String> rows(JsonNode attribution) {
		List<String> out = new java.util.ArrayList<>();
		attribution.path("rows").forEach(r -> {
			long series = r.path("seriesId").asLong(0);
			String name = series == seriesA ? "A" : series == seriesB ? "B" : "-";
			out.add(name + " " + r.path("channel").asString() + " " + r.path("newLeads").asLong() + " " + dec(r, "cost")
					+ " " + dec(r, "costPerLead") + " " + r.path("mqls").asLong() + " " + r.path("sqls").asLong() + " "
					+ dec(r, "costPerSql") + " " + r.path("won").asLong() + " " + dec(r, "wonRevenue"));
		});
		return out;
	}

	private static String dec(JsonNode row, String field) {
		JsonNode v = row.path(field);
		return v.isNull() || v.isMissingNode() ? "null" : v.decimalValue().setScale(2).toPlainString();
	}

	/** Report JSON without the time-dependent parts (days in an open stage, cutoff instants). */
	private static String withoutTimes(JsonNode report) {
		return report.toString().replaceAll("\"avgDaysInStage\":[0-9.]+", "").replaceAll("\"noTouchSince\":\"[^\"]+\"", "");
	}
}
