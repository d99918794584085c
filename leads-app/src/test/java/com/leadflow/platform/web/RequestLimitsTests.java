package com.leadflow.platform.web;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.UserAccounts;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

import tools.jackson.databind.JsonNode;

/** Body size and ingestion rate limits, with small limits so that the test is quick. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"leadflow.web.limits.max-body=16KB", "leadflow.web.limits.ingest-per-minute=1",
		"leadflow.web.limits.ingest-burst=5" })
class RequestLimitsTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyDatabase() {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
	}

	static Map<String, Object> arrival(int i, String padding) {
		return Map.of("name", "Limit " + i + padding, "email", "limit" + i + "@example.com", "touch",
				Map.of("action", "FORM_SUBMIT"));
	}

	@Test
	void aBodyDeclaredOverTheLimitIsRefusedWith413AndStoresNothing() {
		RestClient marketer = TestHttp.as(port, users, Role.MARKETER);
		byte[] body = ("{\"name\":\"" + "x".repeat(20_000) + "\",\"email\":\"big@example.com\",\"touch\":{\"action\":\"FORM_SUBMIT\"}}")
			.getBytes(StandardCharsets.UTF_8);

		ResponseEntity<JsonNode> response = marketer.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
			.contentLength(body.length).body(body).retrieve().toEntity(JsonNode.class);

		then(response.getStatusCode().value()).isEqualTo(413);
		then(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		then(response.getBody().path("type").asString()).isEqualTo("/problems/body-too-large");
		then(jdbc.queryForObject("select count(*) from lead", Long.class)).isZero();
	}

	@Test
	void aChunkedBodyWithoutLengthIsCutOffAtTheLimit() throws Exception {
		String user = "chunked-" + System.nanoTime();
		users.create(user, TestHttp.PASSWORD, java.util.Set.of(Role.MARKETER), null);
		byte[] body = ("{\"name\":\"" + "y".repeat(40_000) + "\",\"email\":\"chunk@example.com\",\"touch\":{\"action\":\"FORM_SUBMIT\"}}")
			.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + TestHttp.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			// an input stream publisher has no length: the body goes chunked
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		HttpResponse<String> response;
		try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			response = client.send(request, HttpResponse.BodyHandlers.ofString());
		}

		then(response.headers().firstValue("Content-Length")).as("sent chunked").isNotEqualTo(String.valueOf(body.length));
		then(response.statusCode()).isEqualTo(413);
		then(response.body()).contains("/problems/body-too-large");
		then(jdbc.queryForObject("select count(*) from lead", Long.class)).isZero();
	}

	@Test
	void ingestionIsRateLimitedPerCallerWithRetryAfter() {
		RestClient first = TestHttp.as(port, users, Role.MARKETER);
		RestClient second = TestHttp.as(port, users, Role.MARKETER);
		List<Integer> statuses = new ArrayList<>();

		for (int i = 0; i < 7; i++) {
			statuses.add(first.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).body(arrival(i, ""))
				.retrieve().toBodilessEntity().getStatusCode().value());
		}
		ResponseEntity<JsonNode> limited = first.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
			.body(arrival(99, "")).retrieve().toEntity(JsonNode.class);

		then(statuses.subList(0, 5)).containsOnly(201);
		then(statuses.subList(5, 7)).containsOnly(429);
		then(limited.getStatusCode().value()).isEqualTo(429);
		then(limited.getHeaders().getFirst("Retry-After")).isNotBlank();
		then(limited.getBody().path("type").asString()).isEqualTo("/problems/rate-limited");
		then(jdbc.queryForObject("select count(*) from lead", Long.class)).as("refused requests store nothing").isEqualTo(5);
		then(second.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).body(arrival(50, "")).retrieve()
			.toBodilessEntity().getStatusCode().value()).as("another caller has its own budget").isEqualTo(201);
		then(first.get().uri("/api/leads").retrieve().toBodilessEntity().getStatusCode().value())
			.as("reads are not ingestion").isEqualTo(200);
	}
}
