package com.leadflow.platform.security;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Every endpoint × every role → the expected status, in one table. Lead-scoped reads answer 404 (not 403) for a lead
 * outside the caller's scope: such a lead does not exist for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	/** Who calls: the five roles, an integrator key of each scope, and nobody. */
	enum Caller {
		ADMIN, MARKETER, SDR, SALES, ANALYST, INGEST_KEY, READ_KEY, ANONYMOUS
	}

	record Endpoint(HttpMethod method, String path, String body) {

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	@Autowired
	ApiKeys keys;

	final Map<Caller, RestClient> clients = new EnumMap<>(Caller.class);

	long leadId;

	@BeforeAll
	void callersAndALead() {
		for (Role role : Role.values()) {
			clients.put(Caller.valueOf(role.name()), TestHttp.as(port, users, role));
		}
		clients.put(Caller.INGEST_KEY, TestHttp.withApiKey(port, keys.create("matrix-ingest", Set.of("ingest"), "test").secret()));
		clients.put(Caller.READ_KEY, TestHttp.withApiKey(port, keys.create("matrix-read", Set.of("read"), "test").secret()));
		clients.put(Caller.ANONYMOUS, TestHttp.anonymous(port));
		leadId = clients.get(Caller.ADMIN).post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
			.body(arrival("matrix@example.com")).retrieve().body(JsonNode.class).path("leadId").asLong();
	}

	static String arrival(String email) {
		return "{\"name\":\"Matrix\",\"email\":\"" + email + "\",\"touch\":{\"action\":\"FORM_SUBMIT\"}}";
	}

	@Test
	void everyEndpointAnswersEveryCallerAsExpected() {
		String lead = "/api/leads/" + leadId;
		// expected status per caller:            ADMIN MARKETER SDR SALES ANALYST INGEST_KEY READ_KEY ANONYMOUS
		Map<Endpoint, int[]> table = new java.util.LinkedHashMap<>();
		table.put(new Endpoint(HttpMethod.POST, "/api/leads", arrival("again@example.com")),
				new int[] { 201, 200, 403, 403, 403, 200, 403, 401 }); // created once, then matched
		table.put(new Endpoint(HttpMethod.GET, "/api/leads", null), new int[] { 200, 200, 200, 200, 200, 403, 200, 401 });
		table.put(new Endpoint(HttpMethod.GET, lead, null), new int[] { 200, 200, 404, 404, 200, 403, 200, 401 });
		table.put(new Endpoint(HttpMethod.GET, lead + "/timeline", null), new int[] { 200, 200, 404, 404, 200, 403, 200, 401 });
		table.put(new Endpoint(HttpMethod.POST, lead + "/tags", "{\"tag\":\"x\"}"), new int[] { 200, 200, 404, 404, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.DELETE, lead + "/tags/x", null), new int[] { 200, 200, 404, 404, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, lead + "/merge", "{}"), new int[] { 400, 400, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/merges/999999", null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/duplicate-candidates", null), new int[] { 200, 200, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/companies", "{\"name\":\"Matrix Co\"}"), new int[] { 200, 200, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/notifications?owner=nobody", null), new int[] { 200, 200, 200, 200, 200, 403, 200, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/imports/jobs", null), new int[] { 200, 200, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/imports/jobs/999999/revert", null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/me", null), new int[] { 200, 200, 200, 200, 200, 200, 200, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/admin/users", null), new int[] { 200, 403, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/admin/api-keys", "{\"name\":\"k\",\"scopes\":[\"read\"]}"), new int[] { 201, 403, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/actuator/health", null), new int[] { 200, 200, 200, 200, 200, 200, 200, 200 });
		table.put(new Endpoint(HttpMethod.GET, "/v3/api-docs", null), new int[] { 200, 200, 200, 200, 200, 200, 200, 200 });

		List<String> mismatches = new ArrayList<>();
		table.forEach((endpoint, expected) -> {
			for (Caller caller : Caller.values()) {
				int status = call(clients.get(caller), endpoint);
				if (status != expected[caller.ordinal()]) {
					mismatches.add(endpoint + " as " + caller + ": expected " + expected[caller.ordinal()] + ", got " + status);
				}
			}
		});
		then(mismatches).isEmpty();
	}

	private static int call(RestClient client, Endpoint endpoint) {
		RestClient.RequestBodySpec request = client.method(endpoint.method()).uri(endpoint.path());
		if (endpoint.body() != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(endpoint.body());
		}
		return request.retrieve().toBodilessEntity().getStatusCode().value();
	}
}
