package com.leadflow.campaigns.web;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.UserAccounts;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

import tools.jackson.databind.JsonNode;

/**
 * The real server on a random port, a client logged in as a marketer that never throws on 4xx/5xx, and empty tables
 * before each test.
 */
abstract class ApiTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts users;

	/** A marketer: the role that runs campaigns and imports. */
	RestClient http;

	@BeforeEach
	void cleanAndConnect() throws InterruptedException {
		awaitListeners();
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		http = TestHttp.as(port, users, Role.MARKETER);
	}

	/**
	 * Waits (up to 20 s) until other modules' listeners have handled the previous test's events: truncating under
	 * them deadlocks.
	 */
	void awaitListeners() throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(20);
		while (Instant.now().isBefore(deadline) && jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and status is distinct from 'FAILED'",
				Long.class) > 0) {
			Thread.sleep(100);
		}
	}

	ResponseEntity<JsonNode> post(String path, Object body) {
		return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
	}

	ResponseEntity<JsonNode> put(String path, Object body) {
		return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
	}

	ResponseEntity<JsonNode> getEntity(String path) {
		return http.get().uri(path).retrieve().toEntity(JsonNode.class);
	}

	JsonNode get(String path) {
		ResponseEntity<JsonNode> response = getEntity(path);
		then(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
		return response.getBody();
	}

	ResponseEntity<JsonNode> upload(String filename, byte[] content, String encoding) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		return http.post().uri(encoding == null ? "/api/imports/uploads" : "/api/imports/uploads?encoding=" + encoding)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(JsonNode.class);
	}

	JsonNode awaitFinished(long jobId) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			JsonNode job = get("/api/imports/jobs/" + jobId);
			if (!List.of("QUEUED", "RUNNING").contains(job.path("status").asString())) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import job " + jobId + " did not finish");
	}

	static List<String> fields(JsonNode problem) {
		return problem.path("errors").valueStream().map(e -> e.path("field").asString()).toList();
	}
}
