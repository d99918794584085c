package com.leadflow.campaigns.web;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeriesApiTests extends ApiTestSupport {

	static Map<String, Object> series(String name) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("goal", "200 SQLs from manufacturing");
		body.put("brief", Map.of("persona", "工厂 IT 负责人", "valueProposition", "停机减少 30%", "cta", "预约演示",
				"offer", "免费评估"));
		body.put("journeyStage", "VENDOR_EVALUATION");
		body.put("fourCRole", "CLOSE");
		body.put("startsOn", "2026-03-01");
		body.put("endsOn", "2026-04-30");
		body.put("owner", "han.meimei");
		body.put("status", "ACTIVE");
		body.put("budget", 80000);
		body.put("channels", List.of(Map.of("channel", "WEBINAR", "cost", 20000), Map.of("channel", "EDM", "cost", 3000)));
		return body;
	}

	@Test
	void createsReadsReplacesAndDeletesASeries() {
		ResponseEntity<JsonNode> created = post("/api/campaign-series", series("智能工厂 2026"));
		long id = created.getBody().path("id").asLong();

		then(created.getStatusCode().value()).isEqualTo(201);
		then(created.getHeaders().getLocation().getPath()).isEqualTo("/api/campaign-series/" + id);
		then(get("/api/campaign-series/" + id).path("brief").path("cta").asString()).isEqualTo("预约演示");

		Map<String, Object> changed = series("智能工厂 2026");
		changed.put("channels", List.of(Map.of("channel", "OFFLINE_EVENT", "cost", 50000)));
		changed.put("version", 0);
		JsonNode replaced = put("/api/campaign-series/" + id, changed).getBody();
		then(replaced.path("channels").valueStream().map(c -> c.path("channel").asString())).containsExactly("OFFLINE_EVENT");
		then(replaced.path("version").asInt()).isEqualTo(1);
		then(put("/api/campaign-series/" + id, changed).getStatusCode().value()).as("stale version").isEqualTo(409);

		then(http.delete().uri("/api/campaign-series/" + id).retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(204);
		then(getEntity("/api/campaign-series/" + id).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void theDefaultSeriesIsAlwaysListed() {
		JsonNode all = get("/api/campaign-series");

		then(all.valueStream().map(s -> s.path("name").asString())).contains("400Inbound");
	}

	@Test
	void invalidSeriesGetsAProblemNamingEachField() {
		Map<String, Object> bad = series(" ");
		bad.put("endsOn", "2026-02-01");
		bad.put("budget", -5);
		bad.remove("journeyStage");
		bad.put("channels", List.of(Map.of("channel", "EDM", "cost", -1), Map.of("channel", "EDM", "cost", 1)));

		ResponseEntity<JsonNode> response = post("/api/campaign-series", bad);

		then(response.getStatusCode().value()).isEqualTo(400);
		then(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		then(response.getBody().path("type").asString()).isEqualTo("/problems/invalid-request");
		then(fields(response.getBody())).containsExactlyInAnyOrder("name", "endsOn", "budget", "journeyStage",
				"channels[0].cost", "channels");
	}

	@Test
	void anUnknownChannelIsABadRequest() {
		Map<String, Object> bad = series("Unknown channel");
		bad.put("channels", List.of(Map.of("channel", "CARRIER_PIGEON", "cost", 1)));

		ResponseEntity<JsonNode> response = post("/api/campaign-series", bad);

		then(response.getStatusCode().value()).isEqualTo(400);
		then(response.getBody().path("type").asString()).isEqualTo("/problems/malformed-body");
	}

	@Test
	void aDuplicateNameIsAConflict() {
		post("/api/campaign-series", series("Roadshow"));

		ResponseEntity<JsonNode> again = post("/api/campaign-series", series("roadshow"));

		then(again.getStatusCode().value()).isEqualTo(409);
		then(again.getBody().path("type").asString()).isEqualTo("/problems/series-name-taken");
	}
}
