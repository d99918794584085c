package com.leadflow.crmsync;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.LeadPool;
import com.leadflow.core.TouchAction;
import com.leadflow.TestHttp;
import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.UserAccounts;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

import tools.jackson.databind.JsonNode;

/**
 * Shared set-up of crm-sync's HTTP tests (one cached application context for all of them): the real server on a
 * random port, one WireMock server playing CRM ({@code /crm/...}) and call center ({@code /cc/...}), short backoff,
 * a movable clock, and an empty database before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CrmSyncHttpTestBase.Config.class)
public abstract class CrmSyncHttpTestBase {

	protected static final String CRM_SECRET = "test-crm-secret";

	protected static final String CALL_CENTER_SECRET = "test-call-center-secret";

	protected static final WireMockServer peers = new WireMockServer(options().dynamicPort());

	static {
		peers.start();
	}

	@DynamicPropertySource
	static void crmSyncSettings(DynamicPropertyRegistry registry) {
		registry.add("leadflow.crm-sync.background-jobs", () -> "true");
		registry.add("leadflow.crm-sync.crm.base-url", () -> peers.baseUrl() + "/crm");
		registry.add("leadflow.crm-sync.call-center.base-url", () -> peers.baseUrl() + "/cc");
		registry.add("leadflow.crm-sync.crm.read-timeout", () -> "1s");
		registry.add("leadflow.crm-sync.call-center.read-timeout", () -> "1s");
		registry.add("leadflow.crm-sync.outbox.poll-interval", () -> "50ms");
		registry.add("leadflow.crm-sync.outbox.initial-backoff", () -> "50ms");
		registry.add("leadflow.crm-sync.outbox.max-backoff", () -> "300ms");
		registry.add("leadflow.crm-sync.outbox.max-attempts", () -> "12");
		registry.add("leadflow.crm-sync.routing.teams.sdr[0]", () -> "sdr-1");
		registry.add("leadflow.crm-sync.routing.teams.sdr[1]", () -> "sdr-2");
		registry.add("leadflow.crm-sync.routing.teams.east[0]", () -> "east-1");
		registry.add("leadflow.crm-sync.routing.territories[0].region", () -> "East");
		registry.add("leadflow.crm-sync.routing.territories[0].industry", () -> "Manufacturing");
		registry.add("leadflow.crm-sync.routing.territories[0].team", () -> "east");
		registry.add("leadflow.crm-sync.routing.teams.enterprise[0]", () -> "ent-1");
		registry.add("leadflow.crm-sync.routing.territories[1].company-size", () -> "500+");
		registry.add("leadflow.crm-sync.routing.territories[1].team", () -> "enterprise");
		registry.add("leadflow.crm-sync.webhooks.crm-secret", () -> CRM_SECRET);
		registry.add("leadflow.crm-sync.webhooks.call-center-secret", () -> CALL_CENTER_SECRET);
		registry.add("leadflow.crm-sync.sla.check-interval", () -> "100ms");
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected LeadPool pool;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected StageEvents stageEvents;

	@Autowired
	protected UserAccounts users;

	/** An admin's client (Basic credentials, never throws on status). */
	protected RestClient http;

	/** A client without credentials, as peers calling webhooks are. */
	protected RestClient anonymous;

	@BeforeEach
	void cleanSlate() {
		clock.reset();
		settle();
		peers.resetAll();
		CleanDatabaseTestExecutionListener.truncateAll(jdbc); // retries a deadlock with the background jobs
		stageEvents.clear();
		http = TestHttp.as(port, users, Role.ADMIN);
		anonymous = TestHttp.anonymous(port);
	}

	/**
	 * A new lead whose form gave consent to calls and marketing e-mail, once scoring and routing have dealt with its
	 * first touch (a Cool lead is then NURTURING).
	 */
	protected long newLead(String name, String email) {
		return newLead(name, email, ConsentPurpose.CALLS, ConsentPurpose.MARKETING_EMAIL);
	}

	/** A new lead that gave only the consents named (none: it may not be contacted at all). */
	protected long newLead(String name, String email, ConsentPurpose... consents) {
		return newLead(Person.of(name, email, null), null, consents);
	}

	/** A new lead of a person and company that gave only the consents named. */
	protected long newLead(Person person, Arrival.CompanyInfo company, ConsentPurpose... consents) {
		java.util.Map<String, Object> payload = consents.length == 0 ? java.util.Map.of()
				: java.util.Map.of("consent", java.util.Map.of("purposes",
						java.util.Arrays.stream(consents).map(Enum::name).toList(), "textVersion", "test-form-1"));
		long id = pool.resolve(new Arrival(person, company, new TouchInput(TouchAction.FORM_SUBMIT,
				"WEB_FORM", null, Instant.now(), null, null, payload, null), "API")).leadId();
		settle();
		return id;
	}

	/** Another touch of a lead's person, once every listener has dealt with it. */
	protected void touch(String email, TouchAction action) {
		pool.resolve(new Arrival(Person.of(null, email, null), null, TouchInput.of(action, "WEB", Instant.now()), "API"));
		settle();
	}

	/** Waits until every event to other modules' listeners (scoring, routing) has been handled. */
	protected void settle() {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.pollInterval(java.time.Duration.ofMillis(25))
			.until(() -> jdbc.queryForObject("select count(*) from event_publication", Long.class) == 0);
	}

	protected ResponseEntity<JsonNode> get(String path) {
		return http.get().uri(path).retrieve().toEntity(JsonNode.class);
	}

	protected ResponseEntity<JsonNode> post(String path, Object body) {
		return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
			.toEntity(JsonNode.class);
	}

	/**
	 * Moves the lead as the user {@code actor} (created on first use): moves record who made them. A move to SQL
	 * carries the SDR questionnaire's answers, as it must.
	 */
	protected ResponseEntity<JsonNode> move(long leadId, String to, String reason, String actor) {
		return postAs(actor, "/api/lifecycle/leads/" + leadId + "/transitions", to.equals("SQL")
				? java.util.Map.of("to", to, "answers", TestHttp.BANT_ANSWERS)
				: java.util.Map.of("to", to, "reason", reason == null ? "" : reason));
	}

	/** A POST by the user of that name (an admin, created on first use). */
	protected ResponseEntity<JsonNode> postAs(String actor, String path, Object body) {
		RestClient client = users.find(actor).isPresent() ? TestHttp.loggedIn(port, actor)
				: TestHttp.as(port, users, actor, Role.ADMIN, null);
		return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
			.toEntity(JsonNode.class);
	}

	/** Sends a webhook signed like a peer does: HMAC-SHA256 over {@code timestamp + "." + body}. */
	protected ResponseEntity<JsonNode> webhook(String source, String secret, String body, Instant timestamp) {
		String ts = Long.toString(timestamp.getEpochSecond());
		return anonymous.post().uri("/api/webhooks/" + source).contentType(MediaType.APPLICATION_JSON)
			.header("X-Leadflow-Timestamp", ts)
			.header("X-Leadflow-Signature", "sha256=" + hmac(secret, ts + "." + body))
			.body(body).retrieve().toEntity(JsonNode.class);
	}

	protected static String hmac(String secret, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Records every {@link LeadStageChanged} other modules receive (through the publication registry). */
	public static class StageEvents {

		private final List<LeadStageChanged> events = new CopyOnWriteArrayList<>();

		// accessors, not fields: the listener is a proxy
		public List<LeadStageChanged> all() {
			return events;
		}

		public void clear() {
			events.clear();
		}

		@ApplicationModuleListener
		void on(LeadStageChanged event) {
			events.add(event);
		}
	}

	@TestConfiguration
	static class Config {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

		@Bean
		StageEvents stageEvents() {
			return new StageEvents();
		}
	}
}
