package com.leadflow.platform.security;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.LeadPool;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivacyTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LeadPool pool;

	RestClient admin;

	@BeforeEach
	void emptyDatabaseAndAnAdmin() {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		admin = TestHttp.as(port, users, Role.ADMIN);
	}

	long arrive(String name, String email, String phone, String action) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "email", email, "title", "CFO", "city",
				"杭州", "attributes", Map.of("note", "met " + name + " at the fair"), "touch",
				Map.of("action", action, "payload", Map.of("formField", name))));
		body.put("phone", phone);
		return admin.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).body(body)
			.retrieve().body(JsonNode.class).path("leadId").asLong();
	}

	@Test
	void consentIsRecordedPerPurposeAndAWithdrawalEndsIt() {
		long id = arrive("Consent Person", "consent@example.com", "13700001111", "FORM_SUBMIT");
		RestClient marketer = TestHttp.as(port, users, Role.MARKETER);

		marketer.post().uri("/api/leads/" + id + "/consents").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("purpose", "MARKETING_EMAIL", "granted", true, "source", "WEB_FORM", "textVersion", "privacy-v3"))
			.retrieve().toBodilessEntity();
		then(pool.hasConsent(id, ConsentPurpose.MARKETING_EMAIL)).isTrue();
		then(pool.hasConsent(id, ConsentPurpose.CALLS)).as("no record, no consent").isFalse();

		marketer.post().uri("/api/leads/" + id + "/consents").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("purpose", "MARKETING_EMAIL", "granted", false, "source", "UNSUBSCRIBE_LINK"))
			.retrieve().toBodilessEntity();

		then(pool.hasConsent(id, ConsentPurpose.MARKETING_EMAIL)).isFalse();
		JsonNode history = marketer.get().uri("/api/leads/" + id + "/consents").retrieve().body(JsonNode.class);
		then(history.size()).isEqualTo(2);
		then(history.get(1).path("textVersion").asString()).isEqualTo("privacy-v3");
		then(history.get(1).path("withdrawnAt").isNull()).isFalse();
	}

	@Test
	void consentGivenOnAFormIsRecordedAndAnUnsubscribeWithdrawsItsChannelsPurpose() {
		// given: a form that collected consent for e-mail and calls
		Map<String, Object> form = Map.of("name", "Form Person", "email", "form.person@example.com", "touch",
				Map.of("action", "FORM_SUBMIT", "channel", "WEB_FORM", "payload",
						Map.of("consent", Map.of("purposes", List.of("MARKETING_EMAIL", "CALLS"), "textVersion", "form-v7"))));
		long id = admin.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).body(form)
			.retrieve().body(JsonNode.class).path("leadId").asLong();
		then(pool.hasConsent(id, ConsentPurpose.MARKETING_EMAIL)).isTrue();
		then(pool.hasConsent(id, ConsentPurpose.CALLS)).isTrue();
		then(pool.hasConsent(id, ConsentPurpose.WECHAT_MESSAGES)).isFalse();

		// when: the lead unsubscribes from a mailing
		admin.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", "form.person@example.com", "touch", Map.of("action", "UNSUBSCRIBE", "channel", "EDM")))
			.retrieve().toBodilessEntity();

		// then: e-mail is withdrawn, calls stay granted
		then(pool.hasConsent(id, ConsentPurpose.MARKETING_EMAIL)).isFalse();
		then(pool.hasConsent(id, ConsentPurpose.CALLS)).isTrue();
		JsonNode history = admin.get().uri("/api/leads/" + id + "/consents").retrieve().body(JsonNode.class);
		then(history.valueStream().map(c -> c.path("source").asString() + " " + c.path("textVersion").asString()))
			.contains("touch:WEB_FORM form-v7", "touch:EDM unsubscribe");
	}

	@Test
	void aMalformedConsentIsRefusedWithItsFieldAndStoresNothing() {
		Map<String, Object> form = Map.of("email", "bad.consent@example.com", "touch", Map.of("action", "FORM_SUBMIT",
				"payload", Map.of("consent", Map.of("purposes", List.of("SPAM_ME"), "textVersion", "v1"))));

		var response = admin.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).body(form)
			.retrieve().toEntity(JsonNode.class);

		then(response.getStatusCode().value()).isEqualTo(400);
		then(response.getBody().path("errors").get(0).path("field").asString()).isEqualTo("touch.payload.consent.purposes[0]");
		then(jdbc.queryForObject("select count(*) from lead", Long.class)).isZero();
	}

	@Test
	void exportHoldsEverythingAndIsAudited() {
		long id = arrive("Export Person", "export@example.com", "13700002222", "WHITEPAPER_DOWNLOAD");

		JsonNode export = admin.get().uri("/api/leads/" + id + "/export").retrieve().body(JsonNode.class);
		int asMarketer = TestHttp.as(port, users, Role.MARKETER).get().uri("/api/leads/" + id + "/export").retrieve()
			.toBodilessEntity().getStatusCode().value();

		then(export.path("lead").path("emails").get(0).asString()).isEqualTo("export@example.com");
		then(export.path("touches").size()).isEqualTo(1);
		then(export.path("identities").size()).isEqualTo(2);
		then(asMarketer).isEqualTo(403);
		then(admin.get().uri("/api/admin/audit?leadId=" + id).retrieve().body(JsonNode.class).valueStream()
			.map(e -> e.path("action").asString())).contains("GET /api/leads/{id}/export");
	}

	@Test
	void erasureLeavesNoPersonalDataInAnyTableButReportsStillCountTheTouches() {
		long a = arrive("Erase Me Zhang", "erase.me@example.com", "13700003333", "WEBINAR_ATTEND");
		arrive("Erase Me Zhang", "erase.me@example.com", null, "EMAIL_CLICK");
		long b = arrive("Erase Me Alias", "alias.erase@example.com", "13700004444", "CALL");
		admin.post().uri("/api/leads/" + a + "/merge").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("absorbLeadId", b)).retrieve().toBodilessEntity();
		admin.get().uri("/api/leads?q=erase.me@example.com").retrieve().toBodilessEntity();
		long touchesBefore = jdbc.queryForObject("select count(*) from touch where lead_id = ?", Long.class, a);

		JsonNode erased = admin.post().uri("/api/leads/" + b + "/erase").retrieve().body(JsonNode.class);

		then(erased.path("erasedLeadId").asLong()).isEqualTo(a);
		String everything = String.join("\n", dumpAllTables());
		for (String personal : List.of("Erase Me", "erase.me@", "alias.erase@", "13700003333", "13700004444", "at the fair",
				"杭州", "CFO")) {
			then(everything).as(personal).doesNotContain(personal);
		}
		then(jdbc.queryForObject("select count(*) from touch where lead_id = ?", Long.class, a)).isEqualTo(touchesBefore)
			.isEqualTo(3); // two of the person's own, one of the lead merged into it
		then(admin.get().uri("/api/admin/audit?leadId=" + b).retrieve().body(JsonNode.class).valueStream()
			.map(e -> e.path("action").asString())).contains("POST /api/leads/{id}/erase");
	}

	@Test
	void theAuditLogIsAppendOnly() {
		arrive("Audit Person", "audit@example.com", null, "FORM_SUBMIT");
		admin.get().uri("/api/leads?q=audit@example.com").retrieve().toBodilessEntity();

		Throwable update = catchThrowable(() -> jdbc.update("update audit_log set actor = 'someone else'"));
		Throwable delete = catchThrowable(() -> jdbc.update("delete from audit_log"));

		then(update).hasMessageContaining("append-only");
		then(delete).hasMessageContaining("append-only");
		then(jdbc.queryForList("select path from audit_log where action = 'GET /api/leads'", String.class))
			.allMatch(p -> p.contains("q=***")).noneMatch(p -> p.contains("audit@example.com"));
	}

	private List<String> dumpAllTables() {
		return jdbc.queryForList("select quote_ident(tablename) from pg_tables where schemaname = current_schema()", String.class)
			.stream()
			.flatMap(t -> jdbc.queryForList("select x::text from " + t + " x", String.class).stream())
			.toList();
	}
}
