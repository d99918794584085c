package com.leadflow.platform.security;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

	/** An id that no record has. */
	static final long NONE = 999_999;

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
		// privacy
		table.put(new Endpoint(HttpMethod.GET, lead + "/consents", null), new int[] { 200, 200, 404, 404, 200, 403, 200, 401 });
		table.put(new Endpoint(HttpMethod.POST, lead + "/consents", "{}"), new int[] { 400, 400, 400, 400, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, lead + "/export", null), new int[] { 200, 403, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/leads/" + NONE + "/erase", null), new int[] { 404, 403, 403, 403, 403, 403, 403, 401 });
		// pool administration
		table.put(new Endpoint(HttpMethod.POST, "/api/merges/" + NONE + "/undo", null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/duplicate-candidates/" + NONE + "/merge", null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/duplicate-candidates/" + NONE + "/dismiss", null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/companies/" + NONE, null), new int[] { 404, 404, 404, 404, 404, 403, 404, 401 });
		// accounts and audit
		table.put(new Endpoint(HttpMethod.POST, "/api/admin/users", "{}"), new int[] { 400, 403, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/admin/api-keys", null), new int[] { 200, 403, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.DELETE, "/api/admin/api-keys/" + NONE, null), new int[] { 404, 403, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/admin/personal-data/reencrypt", null), new int[] { 200, 403, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/admin/audit", null), new int[] { 200, 403, 403, 403, 403, 403, 403, 401 });
		// scoring
		table.put(new Endpoint(HttpMethod.GET, "/api/scoring/leads/" + leadId + "/score", null), new int[] { 200, 200, 404, 404, 200, 403, 200, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/scoring/leads/" + NONE + "/recycle", "{}"), new int[] { 404, 404, 404, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/scoring/distribution", null), new int[] { 200, 200, 200, 200, 200, 403, 200, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/scoring/jobs/" + NONE, null), new int[] { 404, 404, 403, 403, 404, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/scoring/models", null), new int[] { 200, 200, 403, 403, 200, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/scoring/models/" + NONE, null), new int[] { 404, 404, 403, 403, 404, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/scoring/models", "{}"), new int[] { 400, 400, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.PUT, "/api/scoring/models/" + NONE, "{}"), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.DELETE, "/api/scoring/models/" + NONE, null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/scoring/models/" + NONE + "/simulate", null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/scoring/models/" + NONE + "/activate", null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/scoring/rescore?leadIds=" + NONE, null), new int[] { 202, 202, 403, 403, 403, 403, 403, 401 });
		// campaigns
		table.put(new Endpoint(HttpMethod.POST, "/api/ingest/touches", "{}"), new int[] { 400, 400, 403, 403, 403, 400, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/ingest/batches", "{}"), new int[] { 400, 400, 403, 403, 403, 400, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/campaign-series", null), new int[] { 200, 200, 200, 200, 200, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/campaign-series", "{}"), new int[] { 400, 400, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/campaign-series/" + NONE, null), new int[] { 404, 404, 404, 404, 404, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.PUT, "/api/campaign-series/" + NONE, "{}"), new int[] { 400, 400, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.DELETE, "/api/campaign-series/" + NONE, null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/campaign-series/" + NONE + "/attribution", null), new int[] { 404, 404, 404, 404, 404, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/attribution", null), new int[] { 200, 200, 403, 200, 200, 403, 200, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/imports/uploads", null), new int[] { 415, 415, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/imports/jobs", "{}"), new int[] { 400, 400, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/imports/jobs", null), new int[] { 200, 200, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/imports/jobs/" + NONE, null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/imports/jobs/" + NONE + "/cancel", null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/imports/jobs/" + NONE + "/rejected", null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/imports/jobs/" + NONE + "/rejected.csv", null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		// NEW -> WON is never legal: staff in scope get 409 and nothing moves
		table.put(new Endpoint(HttpMethod.POST, "/api/lifecycle/leads/" + leadId + "/transitions", "{\"to\":\"WON\"}"), new int[] { 409, 409, 404, 404, 403, 403, 403, 401 });
		// qualifying without the required answers is refused and stores nothing
		table.put(new Endpoint(HttpMethod.POST, "/api/qualification/leads/" + leadId, "{\"outcome\":\"QUALIFIED\",\"answers\":{}}"), new int[] { 400, 400, 404, 403, 403, 403, 403, 401 });
		// webhooks authenticate by their signature, whoever calls
		table.put(new Endpoint(HttpMethod.POST, "/api/webhooks/call-center", "{}"), new int[] { 401, 401, 401, 401, 401, 401, 401, 401 });
		// analytics: aggregates for planners and sellers (not SDRs); market sizes and standards by marketers; rebuild by admins
		for (String report : List.of("visibility", "visibility/trend", "bands/trend", "market-sizes", "standards",
				"collection", "upkeep", "funnel", "funnel/leaks", "attribution", "conversion", "status")) {
			table.put(new Endpoint(HttpMethod.GET, "/api/analytics/" + report, null), new int[] { 200, 200, 403, 200, 200, 403, 200, 401 });
		}
		table.put(new Endpoint(HttpMethod.PUT, "/api/analytics/market-sizes", "[{\"industry\":\"Matrix\",\"marketSize\":10}]"), new int[] { 200, 200, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/analytics/market-sizes/import", "{}"), new int[] { 415, 415, 403, 403, 403, 403, 403, 401 }); // multipart only
		table.put(new Endpoint(HttpMethod.PUT, "/api/analytics/standards", "{\"target\":0.85,\"completeness\":[\"NAME\"],\"staleAfterMonths\":12,\"longNurturedAfterDays\":90}"), new int[] { 200, 200, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/analytics/snapshots", null), new int[] { 200, 200, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/analytics/rebuild", null), new int[] { 202, 403, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/analytics/rebuild", null), new int[] { 200, 200, 403, 200, 200, 403, 200, 401 });
		// crm-sync: lifecycle, SDR queue and qualification, outbox, offline events, nurture, metrics, webhooks
		String life = "/api/lifecycle/leads/" + leadId;
		table.put(new Endpoint(HttpMethod.GET, life, null), new int[] { 200, 200, 404, 404, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, life + "/transitions", "{\"to\":\"DISQUALIFIED\"}"), new int[] { 400, 400, 404, 404, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/lifecycle/metrics", null), new int[] { 200, 200, 200, 200, 200, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/sdr-queue", null), new int[] { 200, 200, 200, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/qualification/questions", null), new int[] { 200, 200, 200, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/qualification/leads/" + leadId, "{\"outcome\":\"QUALIFIED\"}"), new int[] { 400, 400, 404, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/outbox/messages?leadId=" + leadId, null), new int[] { 200, 403, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/outbox/dead-letters", null), new int[] { 200, 403, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/outbox/dead-letters/999999/replay", null), new int[] { 404, 403, 403, 403, 403, 403, 403, 401 });
		String event = "{\"name\":\"Matrix event\",\"startsAt\":\"2030-01-01T00:00:00Z\"}";
		table.put(new Endpoint(HttpMethod.POST, "/api/events", event), new int[] { 201, 201, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/events", null), new int[] { 200, 200, 200, 200, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/events/999999", null), new int[] { 404, 404, 404, 404, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.PUT, "/api/events/999999", event), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.DELETE, "/api/events/999999", null), new int[] { 404, 404, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/events/999999/invitees", null), new int[] { 404, 404, 404, 404, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/events/waiting-list", null), new int[] { 200, 200, 200, 200, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/nurture/rules", null), new int[] { 200, 200, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/nurture/audiences", null), new int[] { 200, 200, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/nurture/audiences/whitepaper", null), new int[] { 200, 200, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.GET, "/api/nurture/leads/" + leadId + "/tasks", null), new int[] { 200, 200, 403, 403, 403, 403, 403, 401 });
		table.put(new Endpoint(HttpMethod.POST, "/api/webhooks/crm", "{}"), new int[] { 401, 401, 401, 401, 401, 401, 401, 401 }); // unsigned
		table.put(new Endpoint(HttpMethod.GET, "/actuator/health", null), new int[] { 200, 200, 200, 200, 200, 200, 200, 200 });
		table.put(new Endpoint(HttpMethod.GET, "/v3/api-docs", null), new int[] { 200, 200, 200, 200, 200, 200, 200, 200 });

		List<String> mismatches = new ArrayList<>();
		unlisted(table.keySet()).forEach(operation -> mismatches.add(operation + " of the OpenAPI document is not in the table"));
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

	/** Operations of the published OpenAPI document that no row of the table exercises. */
	private List<String> unlisted(Set<Endpoint> rows) {
		JsonNode paths = clients.get(Caller.ADMIN).get().uri("/v3/api-docs").retrieve().body(JsonNode.class).path("paths");
		List<String> missing = new ArrayList<>();
		for (String template : paths.propertyNames()) {
			Pattern pattern = Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
			for (String method : paths.path(template).propertyNames()) {
				boolean listed = rows.stream()
					.anyMatch(e -> e.method().name().equalsIgnoreCase(method)
							&& pattern.matcher(e.path().replaceFirst("\\?.*", "")).matches());
				if (!listed) {
					missing.add(method.toUpperCase(Locale.ROOT) + " " + template);
				}
			}
		}
		return missing;
	}

	private static int call(RestClient client, Endpoint endpoint) {
		RestClient.RequestBodySpec request = client.method(endpoint.method()).uri(endpoint.path());
		if (endpoint.body() != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(endpoint.body());
		}
		return request.retrieve().toBodilessEntity().getStatusCode().value();
	}
}
