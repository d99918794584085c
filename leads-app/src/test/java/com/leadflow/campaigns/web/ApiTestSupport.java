package com.leadflow.campaigns.web;

import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
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
	void cleanAndConnect() {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		http = TestHttp.as(port, users, Role.MARKETER);
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

	static java.util.List<String> fields(JsonNode problem) {
		return problem.path("errors").valueStream().map(e -> e.path("field").asString()).toList();
	}
}
