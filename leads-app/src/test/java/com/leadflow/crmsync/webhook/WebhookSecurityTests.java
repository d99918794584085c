package com.leadflow.crmsync.webhook;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.leadflow.crmsync.CrmSyncHttpTestBase;

import tools.jackson.databind.JsonNode;

/** Forged, unsigned, stale or replayed webhooks are refused and change nothing. */
class WebhookSecurityTests extends CrmSyncHttpTestBase {

	long sqlLead() {
		long lead = newLead("Xu Jing", "xu.jing@example.com");
		move(lead, "MQL", null, "marketing-ops");
		move(lead, "SAL", null, "sdr-1");
		move(lead, "SQL", null, "sdr-1");
		return lead;
	}

	static String rejected(String eventId, long lead) {
		return "{\"eventId\":\"" + eventId + "\",\"leadId\":" + lead + ",\"decision\":\"REJECTED\",\"reason\":\"budget\"}";
	}

	String stage(long lead) {
		return get("/api/lifecycle/leads/" + lead).getBody().path("stage").asString();
	}

	int historySize(long lead) {
		return get("/api/lifecycle/leads/" + lead).getBody().path("history").size();
	}

	@Test
	void aCorrectlySignedCrmDecisionMovesTheLead() {
		long lead = sqlLead();

		ResponseEntity<JsonNode> response = webhook("crm", CRM_SECRET, rejected("crm-1", lead), Instant.now());

		then(response.getStatusCode().value()).isEqualTo(200);
		then(response.getBody().path("stage").asString()).isEqualTo("RECYCLED");
		then(response.getBody().path("reason").asString()).isEqualTo("BUDGET");
	}

	@Test
	void aForgedSignatureIsUnauthorizedAndChangesNothing() {
		long lead = sqlLead();
		int before = historySize(lead);

		ResponseEntity<JsonNode> wrongSecret = webhook("crm", "guessed-secret", rejected("crm-2", lead), Instant.now());
		String ts = Long.toString(Instant.now().getEpochSecond());
		ResponseEntity<JsonNode> tamperedBody = anonymous.post().uri("/api/webhooks/crm")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Leadflow-Timestamp", ts)
			.header("X-Leadflow-Signature", "sha256=" + hmac(CRM_SECRET, ts + "." + rejected("crm-2", 999)))
			.body(rejected("crm-2", lead)).retrieve().toEntity(JsonNode.class);
		ResponseEntity<JsonNode> otherPeersSecret = webhook("crm", CALL_CENTER_SECRET, rejected("crm-2", lead),
				Instant.now());

		then(wrongSecret.getStatusCode().value()).isEqualTo(401);
		then(wrongSecret.getBody().path("type").asString()).isEqualTo("/problems/invalid-signature");
		then(tamperedBody.getStatusCode().value()).isEqualTo(401);
		then(otherPeersSecret.getStatusCode().value()).isEqualTo(401);
		then(stage(lead)).isEqualTo("SQL");
		then(historySize(lead)).isEqualTo(before);
		then(jdbc.queryForObject("select count(*) from inbound_webhook_event", Long.class)).isZero();
	}

	@Test
	void unsignedAndStaleRequestsAreUnauthorized() {
		long lead = sqlLead();

		ResponseEntity<JsonNode> unsigned = anonymous.post().uri("/api/webhooks/crm").contentType(MediaType.APPLICATION_JSON)
			.body(rejected("crm-3", lead)).retrieve().toEntity(JsonNode.class);
		ResponseEntity<JsonNode> stale = webhook("crm", CRM_SECRET, rejected("crm-3", lead),
				Instant.now().minus(Duration.ofMinutes(6)));
		ResponseEntity<JsonNode> future = webhook("crm", CRM_SECRET, rejected("crm-3", lead),
				Instant.now().plus(Duration.ofMinutes(6)));

		then(unsigned.getStatusCode().value()).isEqualTo(401);
		then(stale.getStatusCode().value()).isEqualTo(401);
		then(stale.getBody().path("detail").asString()).contains("replay window");
		then(future.getStatusCode().value()).isEqualTo(401);
		then(stage(lead)).isEqualTo("SQL");
	}

	@Test
	void aReplayedEventIdIsAConflictAndChangesNothing() {
		long lead = sqlLead();
		then(webhook("crm", CRM_SECRET, rejected("crm-4", lead), Instant.now()).getStatusCode().value()).isEqualTo(200);
		move(lead, "NURTURING", null, "marketing-ops");
		move(lead, "MQL", null, "marketing-ops");
		move(lead, "SAL", null, "sdr-1");
		move(lead, "SQL", null, "sdr-1");
		int before = historySize(lead);

		// the same signed request again (within the window), and the same event id newly signed
		ResponseEntity<JsonNode> replayed = webhook("crm", CRM_SECRET, rejected("crm-4", lead), Instant.now());

		then(replayed.getStatusCode().value()).isEqualTo(409);
		then(replayed.getBody().path("type").asString()).isEqualTo("/problems/duplicate-event");
		then(stage(lead)).isEqualTo("SQL");
		then(historySize(lead)).isEqualTo(before);
	}

	@Test
	void anEventWhoseMoveIsIllegalIsRefusedAndCanBeSentAgainLater() {
		long lead = newLead("Ma Lin", "ma.lin@example.com");
		String accepted = "{\"eventId\":\"crm-5\",\"leadId\":" + lead + ",\"decision\":\"ACCEPTED\"}";

		ResponseEntity<JsonNode> tooEarly = webhook("crm", CRM_SECRET, accepted, Instant.now());
		move(lead, "MQL", null, "marketing-ops");
		move(lead, "SAL", null, "sdr-1");
		move(lead, "SQL", null, "sdr-1");
		ResponseEntity<JsonNode> retried = webhook("crm", CRM_SECRET, accepted, Instant.now());

		then(tooEarly.getStatusCode().value()).isEqualTo(409);
		then(tooEarly.getBody().path("type").asString()).isEqualTo("/problems/illegal-transition");
		then(retried.getStatusCode().value()).isEqualTo(200);
		then(retried.getBody().path("stage").asString()).isEqualTo("OPPORTUNITY");
	}

	@Test
	void aMalformedButSignedBodyIsABadRequest() {
		ResponseEntity<JsonNode> response = webhook("call-center", CALL_CENTER_SECRET, "{\"eventId\": ", Instant.now());

		then(response.getStatusCode().value()).isEqualTo(400);
		then(response.getBody().path("type").asString()).isEqualTo("/problems/invalid-request");
	}
}
