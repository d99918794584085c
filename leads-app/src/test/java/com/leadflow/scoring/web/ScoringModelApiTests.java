package com.leadflow.scoring.web;

import static org.assertj.core.api.BDDAssertions.then;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.LeadPool;
import com.leadflow.core.TouchAction;
import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.UserAccounts;

import tools.jackson.databind.JsonNode;

/** The life of a model through HTTP: validation, draft, simulation on history, activation with a bulk re-score. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScoringModelApiTests {

	static final String TRIAL_HEAVY = """
			{"scope": "default", "name": "Trials weigh more",
			 "definition": {"groups": [{"name": "default",
			   "behaviour": {"actions": [{"action": "TRIAL_REQUEST", "points": 400},
			                             {"action": "PAGE_VIEW", "points": 2}], "halfLifeDays": 90},
			   "bands": {"warmFrom": 150, "hotAbove": 300}}]}}""";

	@LocalServerPort
	int port;

	@Autowired
	LeadPool pool;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts users;

	RestClient marketer;

	RestClient http() {
		if (marketer == null) {
			marketer = TestHttp.as(port, users, Role.MARKETER);
		}
		return marketer;
	}

	@Test
	void invalidModelIsRejectedNamingEachField() {
		ResponseEntity<JsonNode> response = post("/api/scoring/models", """
				{"name": "Broken", "definition": {"groups": [{"name": "default",
				  "behaviour": {"actions": [{"action": "TELEPATHY", "points": 10},
				                            {"action": "WEBINAR_ATTEND", "points": 5000}]},
				  "bands": {"warmFrom": 300, "hotAbove": 150}}]}}""");

		then(response.getStatusCode().value()).isEqualTo(400);
		then(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		then(response.getBody().path("type").asString()).isEqualTo("/problems/invalid-scoring-model");
		then(response.getBody().path("errors").valueStream().map(e -> e.path("field").asString()))
			.containsExactlyInAnyOrder("definition.groups[0].behaviour.actions[0].action",
					"definition.groups[0].behaviour.actions[1].points", "definition.groups[0].bands.hotAbove");
	}

	@Test
	void draftIsSimulatedWithoutTouchingScoresThenActivatedByABulkRescore() {
		// given: two leads who requested a trial and bought, two who only looked and were lost
		long[] buyers = { lead("buyer1@example.com", TouchAction.TRIAL_REQUEST),
				lead("buyer2@example.com", TouchAction.TRIAL_REQUEST) };
		long[] lookers = { lead("looker1@example.com", TouchAction.PAGE_VIEW),
				lead("looker2@example.com", TouchAction.PAGE_VIEW) };
		await().atMost(Duration.ofSeconds(2)).until(() -> band(buyers[1]), "WARM"::equals);
		await().atMost(Duration.ofSeconds(2)).until(() -> band(lookers[1]), "COOL"::equals);
		// routing moves new leads to nurturing on their first band; the outcomes are set after it
		for (long id : new long[] { buyers[0], buyers[1], lookers[0], lookers[1] }) {
			await().atMost(Duration.ofSeconds(2)).until(() -> pool.find(id).orElseThrow().lifecycleStage(), "NURTURING"::equals);
			pool.recordStage(id, id == buyers[0] || id == buyers[1] ? "WON" : "LOST");
		}
		ResponseEntity<JsonNode> created = post("/api/scoring/models", TRIAL_HEAVY);
		long draft = created.getBody().path("id").asLong();

		// when
		JsonNode report = post("/api/scoring/models/" + draft + "/simulate", "").getBody();

		// then
		then(created.getStatusCode().value()).isEqualTo(201);
		then(created.getBody().path("status").asString()).isEqualTo("DRAFT");
		then(created.getBody().path("version").asInt()).isEqualTo(2);
		JsonNode group = report.path("groups").get(0);
		then(report.path("leads").asInt()).isEqualTo(4);
		then(group.path("currentBands").path("WARM").asLong()).isEqualTo(2);
		then(group.path("simulatedBands").path("HOT").asLong()).isEqualTo(2);
		then(group.path("leadsChangingBand").asLong()).isEqualTo(2);
		then(group.path("sample").valueStream().map(m -> m.path("leadId").asLong()))
			.containsExactlyInAnyOrder(buyers[0], buyers[1]);
		then(group.path("leadsWithOutcome").asInt()).isEqualTo(4);
		then(group.path("simulatedConversion").path("HOT").path("rate").asDouble()).isEqualTo(1.0);
		then(group.path("simulatedConversion").path("COOL").path("rate").asDouble()).isEqualTo(0.0);
		then(group.path("simulatedAuc").asDouble()).isEqualTo(1.0);
		then(band(buyers[0])).as("simulation stores nothing").isEqualTo("WARM");

		// when: activated
		ResponseEntity<JsonNode> activated = post("/api/scoring/models/" + draft + "/activate", "");
		String job = activated.getHeaders().getLocation().toString();

		// then: a background job re-scores every lead and reports its progress
		then(activated.getStatusCode().value()).isEqualTo(202);
		then(activated.getBody().path("model").path("status").asString()).isEqualTo("ACTIVE");
		JsonNode done = await().atMost(Duration.ofSeconds(10))
			.until(() -> http().get().uri(job).retrieve().body(JsonNode.class),
					j -> "DONE".equals(j.path("status").asString()));
		then(done.path("processed").asInt()).isEqualTo(4);
		then(done.path("totalLeads").asInt()).isEqualTo(4);
		then(done.path("bandChanges").asInt()).isEqualTo(2);
		then(band(buyers[0])).isEqualTo("HOT");
		then(http().get().uri("/api/scoring/models?scope=default&status=RETIRED").retrieve().body(JsonNode.class)
			.valueStream().map(m -> m.path("version").asInt())).containsExactly(1);
		then(http().get().uri("/api/scoring/distribution").retrieve().body(JsonNode.class).path("bands").path("HOT")
			.asLong()).isEqualTo(2);

		// and: an active model is no longer editable
		ResponseEntity<JsonNode> edit = http().put()
			.uri("/api/scoring/models/" + draft)
			.contentType(MediaType.APPLICATION_JSON)
			.body(TRIAL_HEAVY)
			.retrieve()
			.toEntity(JsonNode.class);
		then(edit.getStatusCode().value()).isEqualTo(409);
		then(edit.getBody().path("type").asString()).isEqualTo("/problems/illegal-model-transition");
	}

	@Test
	void aModelWithOtherScoreGroupsReplacesTheLeadsGroupsOnActivationAndAfterIt() {
		long lead = lead("groups@example.com", TouchAction.TRIAL_REQUEST);
		await().atMost(Duration.ofSeconds(2)).until(() -> groups(lead), java.util.List.of("default")::equals);
		String perProduct = """
				{"scope": "default", "name": "Per product line",
				 "definition": {"groups": [
				   {"name": "product-a", "behaviour": {"actions": [{"action": "TRIAL_REQUEST", "points": 400}]},
				    "bands": {"warmFrom": 150, "hotAbove": 300}},
				   {"name": "product-b", "behaviour": {"actions": [{"action": "PAGE_VIEW", "points": 500}]},
				    "bands": {"warmFrom": 150, "hotAbove": 300}}]}}""";
		long model = post("/api/scoring/models", perProduct).getBody().path("id").asLong();

		String job = post("/api/scoring/models/" + model + "/activate", "").getHeaders().getLocation().toString();
		await().atMost(Duration.ofSeconds(10)).until(() -> http().get().uri(job).retrieve().body(JsonNode.class),
				j -> "DONE".equals(j.path("status").asString()));

		then(groups(lead)).as("the old model's group is gone").containsExactly("product-a", "product-b");
		then(score(lead, "product-a").path("band").asString()).isEqualTo("HOT");
		then(score(lead, "product-b").path("band").asString()).isEqualTo("COOL");

		// when: a touch re-scores the lead with the same model
		ScoringHttp.arrive(pool, "groups@example.com", TouchAction.PAGE_VIEW, null);

		then(await().atMost(Duration.ofSeconds(2)).until(() -> score(lead, "product-b").path("band").asString(),
				"HOT"::equals)).isEqualTo("HOT");
		then(groups(lead)).containsExactly("product-a", "product-b");
	}

	@Test
	void aModelThatCountsCompetitorsDomainsReadsTheLeadsEMailsWhenATouchRescoresThem() {
		long model = post("/api/scoring/models", """
				{"scope": "default", "name": "Competitors watched",
				 "definition": {"groups": [{"name": "default",
				   "behaviour": {"actions": [{"action": "PAGE_VIEW", "points": 10}],
				                 "competitorDomains": ["rival.example"], "competitorPoints": -100},
				   "bands": {"warmFrom": 150, "hotAbove": 300}}]}}""").getBody().path("id").asLong();
		String job = post("/api/scoring/models/" + model + "/activate", "").getHeaders().getLocation().toString();
		await().atMost(Duration.ofSeconds(10)).until(() -> http().get().uri(job).retrieve().body(JsonNode.class),
				j -> "DONE".equals(j.path("status").asString()));

		long spy = lead("spy@rival.example", TouchAction.PAGE_VIEW);
		long buyer = lead("buyer@customer.example", TouchAction.PAGE_VIEW);

		then(await().atMost(Duration.ofSeconds(2)).until(() -> score(spy, "default"),
				s -> s.path("total").asInt() == -90).path("lines").valueStream()
			.map(l -> l.path("explanation").asString()))
			.containsExactlyInAnyOrder("PAGE_VIEW ×1: 10 points", "e-mail address at a competitor's domain: -100");
		then(await().atMost(Duration.ofSeconds(2)).until(() -> score(buyer, "default"),
				s -> s.path("total").asInt() == 10).path("lines").size()).isEqualTo(1);
	}

	@Test
	void aModelWithAKnownCustomerCriterionReadsWhetherTheLeadIsOneWhenATouchRescoresIt() {
		long model = post("/api/scoring/models", """
				{"scope": "default", "name": "Customers first",
				 "definition": {"groups": [{"name": "default",
				   "fit": [{"id": "customer", "label": "Known customer", "attribute": "EXISTING_CUSTOMER",
				            "match": "EQUALS", "values": ["true"], "points": 200}],
				   "behaviour": {"actions": [{"action": "PAGE_VIEW", "points": 10}]},
				   "bands": {"warmFrom": 150, "hotAbove": 300}}]}}""").getBody().path("id").asLong();
		String job = post("/api/scoring/models/" + model + "/activate", "").getHeaders().getLocation().toString();
		await().atMost(Duration.ofSeconds(10)).until(() -> http().get().uri(job).retrieve().body(JsonNode.class),
				j -> "DONE".equals(j.path("status").asString()));

		long customer = pool.resolve(new Arrival(new Person(null, null, null, List.of("known.buyer@customer.example"),
				List.of(), null, null, "CRM-C-4711", null, null, null, null, null, null, null, Map.of()), null,
				new TouchInput(TouchAction.PAGE_VIEW, "WEB", null, Instant.now(), null, null, null, null), "CRM")).leadId();
		long prospect = lead("someone@prospect.example", TouchAction.PAGE_VIEW);

		then(await().atMost(Duration.ofSeconds(2)).until(() -> score(customer, "default"),
				s -> s.path("total").asInt() == 210).path("band").asString()).isEqualTo("WARM");
		then(await().atMost(Duration.ofSeconds(2)).until(() -> score(prospect, "default"),
				s -> s.path("total").asInt() == 10).path("band").asString()).isEqualTo("COOL");
	}

	@Test
	void aCompanysNewSizeBandRescoresItsLeadsWithoutATouch() {
		activateBigAccountsModel();
		long lead = pool.resolve(pageView("buyer@resized.example", "Resized Industrial Co", "100-499")).leadId();
		await().atMost(Duration.ofSeconds(2)).until(() -> score(lead, "default"), s -> s.path("total").asInt() == 10);

		post("/api/companies", """
				{"name": "Resized Industrial Co", "sizeBand": "1000-4999"}""");

		JsonNode resized = await().atMost(Duration.ofSeconds(2)).until(() -> score(lead, "default"),
				s -> s.path("total").asInt() == 110);
		then(resized.path("lines").valueStream().map(l -> l.path("explanation").asString()))
			.contains("Big company: +100", "PAGE_VIEW ×1: 10 points");
	}

	/**
	 * An arrival that fills its company's empty size band changes the profile of the company's other leads (scores and
	 * market segments), and of its own lead though that lead's row stays as it was (the batch would otherwise re-score
	 * only its behaviour part).
	 */
	@Test
	void aSizeBandAnArrivalFillsInRescoresTheCompanysLeads() {
		activateBigAccountsModel();
		long other = pool.resolve(pageView("other@filled.example", "Filled Industrial Co", null)).leadId();
		long returning = pool.resolve(pageView("returning@filled.example", "Filled Industrial Co", null)).leadId();
		await().atMost(Duration.ofSeconds(2)).until(() -> score(returning, "default"), s -> s.path("total").asInt() == 10);
		String sizeSegment = "select size_band from analytics_lead where lead_id = ?";
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(sizeSegment, String.class, other),
				v -> v.size() == 1 && !v.get(0).contains("1000"));

		pool.resolveAll(List.of(pageView("returning@filled.example", "Filled Industrial Co", "1000-4999")));

		await().atMost(Duration.ofSeconds(2)).until(() -> score(returning, "default"), s -> s.path("total").asInt() == 120);
		await().atMost(Duration.ofSeconds(2)).until(() -> score(other, "default"), s -> s.path("total").asInt() == 110);
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(sizeSegment, String.class, other),
				v -> v.contains("1000"));
	}

	private void activateBigAccountsModel() {
		long model = post("/api/scoring/models", """
				{"scope": "default", "name": "Big accounts",
				 "definition": {"groups": [{"name": "default",
				   "fit": [{"id": "big", "label": "Big company", "attribute": "COMPANY_SIZE", "match": "BETWEEN",
				            "min": 500, "points": 100}],
				   "behaviour": {"actions": [{"action": "PAGE_VIEW", "points": 10}]},
				   "bands": {"warmFrom": 150, "hotAbove": 300}}]}}""").getBody().path("id").asLong();
		String job = post("/api/scoring/models/" + model + "/activate", "").getHeaders().getLocation().toString();
		await().atMost(Duration.ofSeconds(10)).until(() -> http().get().uri(job).retrieve().body(JsonNode.class),
				j -> "DONE".equals(j.path("status").asString()));
	}

	private static Arrival pageView(String email, String company, String sizeBand) {
		return new Arrival(new Person(null, null, null, List.of(email), List.of(), null, null, null, null, null, null,
				null, null, null, null, Map.of()), new Arrival.CompanyInfo(company, null, sizeBand, null),
				new TouchInput(TouchAction.PAGE_VIEW, "WEB", null, Instant.now(), null, null, null, null), "WEB");
	}

	@Test
	void draftCanBeEditedAndDeleted() {
		long id = post("/api/scoring/models", TRIAL_HEAVY.replace("\"default\", \"name\"", "\"retail\", \"name\""))
			.getBody().path("id").asLong();

		ResponseEntity<JsonNode> edited = http().put()
			.uri("/api/scoring/models/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(TRIAL_HEAVY.replace("Trials weigh more", "Renamed"))
			.retrieve()
			.toEntity(JsonNode.class);
		ResponseEntity<Void> deleted = http().delete().uri("/api/scoring/models/" + id).retrieve().toBodilessEntity();

		then(edited.getBody().path("name").asString()).isEqualTo("Renamed");
		then(edited.getBody().path("scope").asString()).isEqualTo("retail");
		then(deleted.getStatusCode().value()).isEqualTo(204);
		then(http().get().uri("/api/scoring/models/" + id).retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void scoringApiIsDocumentedInOpenApi() {
		JsonNode paths = http().get().uri("/v3/api-docs").retrieve().body(JsonNode.class).path("paths");

		then(paths.has("/api/scoring/models")).isTrue();
		then(paths.has("/api/scoring/models/{id}/simulate")).isTrue();
		then(paths.has("/api/scoring/models/{id}/activate")).isTrue();
		then(paths.has("/api/scoring/leads/{leadId}/score")).isTrue();
		then(paths.has("/api/scoring/distribution")).isTrue();
		then(paths.has("/api/scoring/jobs/{id}")).isTrue();
	}

	private long lead(String email, TouchAction action) {
		return ScoringHttp.arrive(pool, email, action, null);
	}

	private String band(long lead) {
		JsonNode body = http().get().uri("/api/scoring/leads/{id}/score", lead).retrieve().body(JsonNode.class);
		return body.path("scores").get(0).path("band").asString();
	}

	private java.util.List<String> groups(long lead) {
		JsonNode body = http().get().uri("/api/scoring/leads/{id}/score", lead).retrieve().body(JsonNode.class);
		return body.path("scores").valueStream().map(s -> s.path("group").asString()).toList();
	}

	private JsonNode score(long lead, String group) {
		JsonNode body = http().get().uri("/api/scoring/leads/{id}/score", lead).retrieve().body(JsonNode.class);
		return body.path("scores").valueStream().filter(s -> s.path("group").asString().equals(group)).findFirst()
			.orElseThrow();
	}

	private ResponseEntity<JsonNode> post(String uri, String body) {
		return http().post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
			.toEntity(JsonNode.class);
	}
}
