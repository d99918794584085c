package com.leadflow.platform.security;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class LeadScopingTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	@Autowired
	ApiKeys keys;

	@Autowired
	AdminBootstrap bootstrap;

	@Autowired
	JdbcTemplate jdbc;

	long lead(RestClient marketer, String email, String owner) {
		return marketer.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Scoped " + owner, "email", email, "owner", owner, "touch", Map.of("action", "FORM_SUBMIT")))
			.retrieve().body(JsonNode.class).path("leadId").asLong();
	}

	static int status(RestClient client, String path) {
		return client.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
	}

	@Test
	void salesSeeTheirTeamsLeadsAndNoOthersAndSdrsSeeTheirOwn() {
		RestClient marketer = TestHttp.as(port, users, Role.MARKETER);
		RestClient alice = TestHttp.as(port, users, "alice.sales", Role.SALES, "east");
		TestHttp.as(port, users, "bob.sales", Role.SALES, "east");
		RestClient carol = TestHttp.as(port, users, "carol.sales", Role.SALES, "west");
		RestClient sdr = TestHttp.as(port, users, "dan.sdr", Role.SDR, null);
		long bobs = lead(marketer, "bobs.lead@example.com", "bob.sales");
		long carols = lead(marketer, "carols.lead@example.com", "carol.sales");
		long dans = lead(marketer, "dans.lead@example.com", "dan.sdr");

		then(status(alice, "/api/leads/" + bobs)).as("team mate's lead").isEqualTo(200);
		then(status(alice, "/api/leads/" + carols)).as("other team's lead: it does not exist for her").isEqualTo(404);
		then(status(carol, "/api/leads/" + carols)).isEqualTo(200);
		then(status(sdr, "/api/leads/" + dans)).isEqualTo(200);
		then(status(sdr, "/api/leads/" + bobs)).isEqualTo(404);
		then(alice.get().uri("/api/leads?limit=100").retrieve().body(JsonNode.class).path("items").valueStream()
			.map(l -> l.path("id").asLong())).containsExactly(bobs);
		then(alice.get().uri("/api/leads?q=carols.lead@example.com").retrieve().body(JsonNode.class).path("items").size())
			.isZero();
	}

	@Test
	void analystsSeeEveryLeadWithPersonalDataMasked() {
		RestClient marketer = TestHttp.as(port, users, Role.MARKETER);
		long id = marketer.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Masked", "email", "masked.person@example.com", "phone", "13800001234", "touch",
					Map.of("action", "FORM_SUBMIT")))
			.retrieve().body(JsonNode.class).path("leadId").asLong();
		RestClient analyst = TestHttp.as(port, users, Role.ANALYST);

		JsonNode profile = analyst.get().uri("/api/leads/" + id).retrieve().body(JsonNode.class);

		then(profile.path("lead").path("emails").get(0).asString()).isEqualTo("m***@example.com");
		then(profile.path("lead").path("phones").get(0).asString()).isEqualTo("+86138****1234");
		then(profile.toString()).doesNotContain("masked.person@").doesNotContain("13800001234");
		then(marketer.get().uri("/api/leads/" + id).retrieve().body(JsonNode.class).path("lead").path("emails").get(0)
			.asString()).isEqualTo("masked.person@example.com");
	}

	@Test
	void apiKeysAreShownOnceStoredHashedAndStopWorkingWhenRevoked() {
		RestClient admin = TestHttp.as(port, users, Role.ADMIN);
		JsonNode created = admin.post().uri("/api/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "crm-connector", "scopes", Set.of("ingest"))).retrieve().body(JsonNode.class);
		String secret = created.path("secret").asString();
		RestClient integrator = TestHttp.withApiKey(port, secret);

		int before = integrator.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", "from.crm@example.com", "touch", Map.of("action", "CALL")))
			.retrieve().toBodilessEntity().getStatusCode().value();
		admin.delete().uri("/api/admin/api-keys/" + created.path("key").path("id").asLong()).retrieve().toBodilessEntity();
		int after = integrator.get().uri("/api/me").retrieve().toBodilessEntity().getStatusCode().value();

		then(before).isEqualTo(201);
		then(after).isEqualTo(401);
		then(jdbc.queryForList("select key_hash from api_key", String.class)).noneMatch(secret::contains);
		then(admin.get().uri("/api/admin/api-keys").retrieve().body(JsonNode.class).get(0).path("lastUsedAt").isNull()).isFalse();
	}

	@Test
	void theFirstRunCreatesAnAdminWithAOneTimePasswordAndNoDefault(CapturedOutput output) {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);

		bootstrap.run(null);

		String log = output.getAll();
		then(log).contains("created user 'admin' with the one-time password");
		String password = log.substring(log.indexOf("one-time password ") + 18).split(" ")[0];
		RestClient admin = RestClient.builder().baseUrl("http://localhost:" + port)
			.defaultHeaders(h -> h.setBasicAuth("admin", password)).build();
		then(admin.get().uri("/api/admin/users").retrieve().body(JsonNode.class).get(0).path("username").asString())
			.isEqualTo("admin");
		bootstrap.run(null); // users exist now: nothing more is created
		then(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(1);
	}
}
