package com.leadflow.crmsync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.leadflow.core.TouchAction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole loop over HTTP with real scoring: touches make a lead Hot, it lands in the SDR queue with a call task,
 * the call center qualifies it, the CRM gets it with its timeline, rejects it for budget, it is recycled, new touches
 * make it Hot again and the CRM gets it a second time.
 */
class LeadJourneyTests extends CrmSyncHttpTestBase {

	@Autowired
	JsonMapper json;

	static final String EMAIL = "gao.wei@example.com";

	/** Requests as an idempotent receiver applies them: the first of each Idempotency-Key, in arrival order. */
	List<ServeEvent> received(String pathPrefix) {
		java.util.Set<String> seen = new java.util.HashSet<>();
		return peers.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(pathPrefix))
			.sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
			.filter(e -> seen.add(e.getRequest().getHeader("Idempotency-Key"))).toList();
	}

	ResponseEntity<JsonNode> qualified(String eventId, long lead) {
		return webhook("call-center", CALL_CENTER_SECRET, """
				{"eventId": "%s", "leadId": %d, "outcome": "QUALIFIED", "agent": "sdr-1",
				 "answers": {"budget": "approved, 200k", "authority": "CTO decides", "need": "line monitoring",
				             "timeline": "this quarter"}}""".formatted(eventId, lead), Instant.now());
	}

	String stage(long lead) {
		return get("/api/lifecycle/leads/" + lead).getBody().path("stage").asString();
	}

	@Test
	void aHotLeadIsQualifiedPushedRejectedForBudgetRecycledAndPushedAgainWhenHotAgain() {
		peers.stubFor(any(urlPathMatching("/(cc|crm)/.*")).willReturn(aResponse().withStatus(200)));

		// a lead arrives over the API (its form collected consent to calls) and keeps engaging until it is Hot
		ResponseEntity<JsonNode> created = post("/api/leads", Map.of("name", "Gao Wei", "email", EMAIL,
				"touch", Map.of("action", "FORM_SUBMIT", "channel", "WEB_FORM", "payload", Map.of("consent",
						Map.of("purposes", java.util.List.of("CALLS", "MARKETING_EMAIL"), "textVersion", "form-2026-11")))));
		long lead = created.getBody().path("leadId").asLong();
		settle();
		then(stage(lead)).isEqualTo("NURTURING");
		touch(EMAIL, TouchAction.DEMO_REQUEST);
		touch(EMAIL, TouchAction.TRIAL_REQUEST);
		touch(EMAIL, TouchAction.EVENT_CHECKIN);

		// Hot: MQL, in the SDR queue, and a call task at the call center
		then(stage(lead)).isEqualTo("MQL");
		JsonNode queue = get("/api/sdr-queue").getBody();
		then(queue.valueStream().map(e -> e.path("leadId").asLong())).containsExactly(lead);
		String sdr = queue.get(0).path("owner").asString();
		then(pool.find(lead).orElseThrow().owner()).isEqualTo(sdr);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received("/cc/call-tasks").size() == 1);
		JsonNode task = json.readTree(received("/cc/call-tasks").get(0).getRequest().getBodyAsString());
		then(task.path("leadId").asLong()).isEqualTo(lead);
		then(task.path("sdr").asString()).isEqualTo(sdr);
		then(task.path("lead").path("timeline").valueStream().map(t -> t.path("action").asString()))
			.as("the timeline as it was when the lead turned Hot").contains("FORM_SUBMIT", "DEMO_REQUEST", "TRIAL_REQUEST");

		// the call center reports "qualified": SQL, pushed to the CRM with its timeline and BANT answers
		ResponseEntity<JsonNode> afterCall = qualified("call-1", lead);
		then(afterCall.getStatusCode().value()).isEqualTo(200);
		then(afterCall.getBody().path("stage").asString()).isEqualTo("SQL");
		then(get("/api/sdr-queue").getBody().size()).isZero();
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> received("/crm/opportunities/leadflow-" + lead).size() == 1);
		JsonNode firstPush = json.readTree(received("/crm/contacts/leadflow-" + lead).get(0).getRequest().getBodyAsString());
		then(firstPush.path("timeline").valueStream().map(t -> t.path("action").asString()))
			.containsExactly("FORM_SUBMIT", "DEMO_REQUEST", "TRIAL_REQUEST", "EVENT_CHECKIN");
		then(firstPush.path("qualification").path("budget").asString()).isEqualTo("approved, 200k");

		// the CRM rejects it for budget: recycled with that reason
		ResponseEntity<JsonNode> rejected = webhook("crm", CRM_SECRET,
				"{\"eventId\":\"crm-1\",\"leadId\":" + lead + ",\"decision\":\"REJECTED\",\"reason\":\"budget\"}",
				Instant.now());
		then(rejected.getStatusCode().value()).isEqualTo(200);
		then(rejected.getBody().path("stage").asString()).isEqualTo("RECYCLED");
		then(rejected.getBody().path("reason").asString()).isEqualTo("BUDGET");
		settle();
		then(stage(lead)).as("recycling decays the score below Hot; the lead waits").isEqualTo("RECYCLED");

		// later touches make it Hot again: back through nurturing to MQL, qualified again, pushed a second time
		touch(EMAIL, TouchAction.DEMO_REQUEST);
		touch(EMAIL, TouchAction.TRIAL_START);
		touch(EMAIL, TouchAction.WEBINAR_ATTEND);
		then(stage(lead)).isEqualTo("MQL");
		then(qualified("call-2", lead).getBody().path("stage").asString()).isEqualTo("SQL");
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> received("/crm/opportunities/leadflow-" + lead).size() == 2);
		List<ServeEvent> contacts = received("/crm/contacts/leadflow-" + lead);
		then(contacts).hasSize(2);
		then(contacts.get(0).getRequest().getHeader("Idempotency-Key"))
			.isNotEqualTo(contacts.get(1).getRequest().getHeader("Idempotency-Key"));
		JsonNode secondPush = json.readTree(contacts.get(1).getRequest().getBodyAsString());
		then(secondPush.path("timeline").size()).isEqualTo(7);
		then(secondPush.path("stageHistory").valueStream().map(h -> h.path("to").asString())).containsExactly(
				"NURTURING", "MQL", "SAL", "SQL", "RECYCLED", "NURTURING", "MQL", "SAL", "SQL");
		then(received("/cc/call-tasks")).hasSize(2);
	}
}
