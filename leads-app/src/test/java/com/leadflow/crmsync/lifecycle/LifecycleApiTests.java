package com.leadflow.crmsync.lifecycle;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.leadflow.crmsync.CrmSyncHttpTestBase;
import com.leadflow.crmsync.LeadStageChanged;
import com.leadflow.crmsync.LifecycleStage;

import tools.jackson.databind.JsonNode;

class LifecycleApiTests extends CrmSyncHttpTestBase {

	@Test
	void aNewCoolLeadIsRoutedToNurturingBySystemRouting() {
		long lead = newLead("Zhao Lei", "zhao.lei@example.com");

		ResponseEntity<JsonNode> stage = get("/api/lifecycle/leads/" + lead);

		then(stage.getStatusCode().value()).isEqualTo(200);
		then(stage.getBody().path("stage").asString()).isEqualTo("NURTURING");
		then(stage.getBody().path("history").size()).isEqualTo(1);
		then(stage.getBody().path("history").get(0).path("from").asString()).isEqualTo("NEW");
		then(stage.getBody().path("history").get(0).path("actor").asString()).isEqualTo("system:routing");
		then(stage.getBody().path("history").get(0).path("note").asString()).contains("COOL");
	}

	@Test
	void storesEveryMoveWithWhoAndWhyMirrorsItToThePoolAndPublishesIt() {
		long lead = newLead("Qian Yu", "qian.yu@example.com");

		then(move(lead, "MQL", null, "marketing-ops").getStatusCode().value()).isEqualTo(200);
		then(move(lead, "SAL", null, "sdr-1").getStatusCode().value()).isEqualTo(200);
		ResponseEntity<JsonNode> recycled = postAs("sdr-1", "/api/lifecycle/leads/" + lead + "/transitions",
				Map.of("to", "RECYCLED", "reason", "budget", "reengageAfter", "2027-03-01", "note", "next fiscal year",
						"actor", "someone-else")); // the body cannot name who acted

		then(recycled.getStatusCode().value()).isEqualTo(200);
		then(recycled.getBody().path("stage").asString()).isEqualTo("RECYCLED");
		then(recycled.getBody().path("reason").asString()).isEqualTo("BUDGET");
		then(recycled.getBody().path("reengageAfter").asString()).isEqualTo("2027-03-01");
		JsonNode history = get("/api/lifecycle/leads/" + lead).getBody().path("history");
		then(history.valueStream().map(h -> h.path("from").asString() + ">" + h.path("to").asString()))
			.containsExactly("NEW>NURTURING", "NURTURING>MQL", "MQL>SAL", "SAL>RECYCLED");
		then(history.get(1).path("actor").asString()).isEqualTo("marketing-ops");
		then(history.get(3).path("actor").asString()).isEqualTo("sdr-1");
		then(history.get(3).path("reason").asString()).isEqualTo("BUDGET");
		then(history.get(3).path("note").asString()).isEqualTo("next fiscal year");
		then(history.get(3).path("at").isMissingNode()).isFalse();
		then(pool.find(lead).orElseThrow().lifecycleStage()).isEqualTo("RECYCLED");
		Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> then(stageEvents.all())
			.filteredOn(e -> e.leadId() == lead)
			.containsExactly(new LeadStageChanged(lead, LifecycleStage.NEW, LifecycleStage.NURTURING, null, "system:routing"),
					new LeadStageChanged(lead, LifecycleStage.NURTURING, LifecycleStage.MQL, null, "marketing-ops"),
					new LeadStageChanged(lead, LifecycleStage.MQL, LifecycleStage.SAL, null, "sdr-1"),
					new LeadStageChanged(lead, LifecycleStage.SAL, LifecycleStage.RECYCLED, "BUDGET", "sdr-1")));
	}

	@Test
	void refusesAnIllegalMoveWithAConflictNamingFromAndToAndChangesNothing() {
		long lead = newLead("Sun Li", "sun.li@example.com");
		move(lead, "MQL", null, "marketing-ops");

		ResponseEntity<JsonNode> won = move(lead, "WON", null, "sales-1");

		then(won.getStatusCode().value()).isEqualTo(409);
		then(won.getBody().path("type").asString()).isEqualTo("/problems/illegal-transition");
		then(won.getBody().path("from").asString()).isEqualTo("MQL");
		then(won.getBody().path("to").asString()).isEqualTo("WON");
		then(won.getBody().path("detail").asString()).contains("MQL").contains("WON");
		then(get("/api/lifecycle/leads/" + lead).getBody().path("stage").asString()).isEqualTo("MQL");
		then(get("/api/lifecycle/leads/" + lead).getBody().path("history").size()).isEqualTo(2);
		then(pool.find(lead).orElseThrow().lifecycleStage()).isEqualTo("MQL");
	}

	@Test
	void disqualifyingAndRecyclingNeedAKnownReason() {
		long lead = newLead("Zhou Min", "zhou.min@example.com");

		ResponseEntity<JsonNode> noReason = move(lead, "DISQUALIFIED", null, "sdr-1");
		ResponseEntity<JsonNode> unknownReason = move(lead, "DISQUALIFIED", "felt like it", "sdr-1");
		ResponseEntity<JsonNode> wrongData = move(lead, "DISQUALIFIED", "wrong data", "sdr-1");

		then(noReason.getStatusCode().value()).isEqualTo(400);
		then(noReason.getBody().path("errors").get(0).path("field").asString()).isEqualTo("reason");
		then(unknownReason.getStatusCode().value()).isEqualTo(400);
		then(wrongData.getStatusCode().value()).isEqualTo(200);
		then(wrongData.getBody().path("reason").asString()).isEqualTo("WRONG_DATA");
		then(move(lead, "NURTURING", null, "sdr-1").getStatusCode().value()).as("disqualified is final").isEqualTo(409);
	}

	@Test
	void aRecycledLeadWithoutDateGetsTheDefaultReengageDateAndReturnsOnlyToNurturing() {
		long lead = newLead("Wu Gang", "wu.gang@example.com");
		move(lead, "MQL", null, "marketing-ops");

		ResponseEntity<JsonNode> recycled = move(lead, "RECYCLED", "TIMING", "sdr-2");

		then(recycled.getBody().path("reengageAfter").asString())
			.isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(90).toString());
		then(move(lead, "MQL", null, "marketing-ops").getStatusCode().value()).isEqualTo(409);
		then(move(lead, "NURTURING", null, "marketing-ops").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void anSdrSeesOnlyTheLeadsTheyOwnAndAnonymousCallersNothing() {
		long lead = newLead("Han Xue", "han.xue@example.com");
		move(lead, "MQL", null, "marketing-ops");
		String owner = pool.find(lead).orElseThrow().owner();
		var theOwner = com.leadflow.TestHttp.as(port, users, owner, com.leadflow.platform.security.Role.SDR, null);
		var anotherSdr = com.leadflow.TestHttp.as(port, users, com.leadflow.platform.security.Role.SDR);

		then(theOwner.get().uri("/api/lifecycle/leads/" + lead).retrieve().toEntity(JsonNode.class)
			.getStatusCode().value()).isEqualTo(200);
		then(theOwner.get().uri("/api/sdr-queue").retrieve().body(JsonNode.class).size()).isEqualTo(1);
		then(anotherSdr.get().uri("/api/lifecycle/leads/" + lead).retrieve().toEntity(JsonNode.class)
			.getStatusCode().value()).isEqualTo(404);
		then(anotherSdr.get().uri("/api/sdr-queue").retrieve().body(JsonNode.class).size()).isZero();
		then(anonymous.get().uri("/api/lifecycle/leads/" + lead).retrieve().toEntity(JsonNode.class)
			.getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void unknownLeadsAndMissingTargetsAreProblems() {
		ResponseEntity<JsonNode> unknown = get("/api/lifecycle/leads/987654");
		ResponseEntity<JsonNode> noTarget = post("/api/lifecycle/leads/" + newLead("Zheng Hao", "zheng.hao@example.com")
				+ "/transitions", Map.of("note", "no target"));

		then(unknown.getStatusCode().value()).isEqualTo(404);
		then(unknown.getBody().path("type").asString()).isEqualTo("/problems/not-found");
		then(noTarget.getStatusCode().value()).isEqualTo(400);
		then(noTarget.getBody().path("errors").get(0).path("field").asString()).isEqualTo("to");
	}
}
