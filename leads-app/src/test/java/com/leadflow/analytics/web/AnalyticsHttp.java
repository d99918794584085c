package com.leadflow.analytics.web;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;

import tools.jackson.databind.JsonNode;

/** HTTP helpers of the analytics tests, and waiting until events and the read model have settled. */
final class AnalyticsHttp {

	private AnalyticsHttp() {
	}

	static ResponseEntity<JsonNode> post(RestClient http, String path, Object body) {
		return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
	}

	static ResponseEntity<JsonNode> put(RestClient http, String path, Object body) {
		return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
	}

	static JsonNode get(RestClient http, String path) {
		ResponseEntity<JsonNode> response = http.get().uri(path).retrieve().toEntity(JsonNode.class);
		then(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
		return response.getBody();
	}

	static JsonNode ok(ResponseEntity<JsonNode> response) {
		then(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
		return response.getBody();
	}

	/** Waits until every event was handled (scoring, routing, analytics) and the read model has no pending lead. */
	static void settle(JdbcTemplate jdbc) {
		for (int round = 0; round < 2; round++) {
			Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
				.until(() -> jdbc.queryForObject("select count(*) from event_publication", Long.class) == 0
						&& jdbc.queryForObject("select count(*) from analytics_dirty", Long.class) == 0);
		}
	}

	/** A transition request; one to SQL carries the SDR questionnaire's answers, as it must. */
	static Map<String, Object> move(String to, String reason) {
		Map<String, Object> move = new java.util.HashMap<>(Map.of("to", to));
		if (reason != null) {
			move.put("reason", reason);
		}
		if (to.equals("SQL")) {
			move.put("answers", TestHttp.BANT_ANSWERS);
		}
		return move;
	}
}
