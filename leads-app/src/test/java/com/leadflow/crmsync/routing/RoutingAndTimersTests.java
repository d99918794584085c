package com.leadflow.crmsync.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.CompanyInfo;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.TouchAction;
import com.leadflow.crmsync.CrmSyncHttpTestBase;
import com.leadflow.scoring.FitGrade;
import com.leadflow.scoring.LeadBandChanged;
import com.leadflow.scoring.ScoreBand;

import tools.jackson.databind.JsonNode;

/**
 * Band changes route leads (stage, SDR and owner, invitation lists, notifications) honouring consent; SLA, stale-MQL
 * and re-engagement timers move or flag them when time passes.
 */
class RoutingAndTimersTests extends CrmSyncHttpTestBase {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	LifecycleTimers timers;

	@BeforeEach
	void peersAccept() {
		peers.stubFor(any(urlPathMatching("/(cc|crm)/.*")).willReturn(aResponse().withStatus(200)));
	}

	/** What scoring publishes when a lead's band changes. */
	void bandChanged(long lead, ScoreBand from, ScoreBand to) {
		tx.executeWithoutResult(s -> events.publishEvent(new LeadBandChanged(lead, "default", from, to, 0, FitGrade.B)));
		settle();
	}

	String stage(long lead) {
		return get("/api/lifecycle/leads/" + lead).getBody().path("stage").asString();
	}

	long lead(String name, String email, String region, String industry, String owner, String crmContactId) {
		return lead(name, email, region, industry, null, owner, crmContactId);
	}

	long lead(String name, String email, String region, String industry, String size, String owner,
			String crmContactId) {
		long id = pool.resolve(new Arrival(new Person(name, null, null, List.of(email), List.of(), null, null,
				crmContactId, region, null, null, null, null, null, owner, null),
				new CompanyInfo(name + " Co", industry, size, region),
				new TouchInput(TouchAction.FORM_SUBMIT, "WEB_FORM", null, Instant.now(), null, null,
						Map.of("consent", Map.of("purposes", List.of("CALLS"), "textVersion", "test-form-1")), null),
				"API")).leadId();
		settle();
		return id;
	}

	@Test
	void hotLeadsBecomeMqlsAssignedRoundRobinWithinTheSdrTeam() {
		long a = newLead("Round A", "round.a@example.com");
		long b = newLead("Round B", "round.b@example.com");
		long c = newLead("Round C", "round.c@example.com");

		bandChanged(a, ScoreBand.COOL, ScoreBand.HOT);
		bandChanged(b, ScoreBand.WARM, ScoreBand.HOT);
		bandChanged(c, ScoreBand.COOL, ScoreBand.HOT);

		then(List.of(stage(a), stage(b), stage(c))).containsOnly("MQL");
		then(List.of(owner(a), owner(b), owner(c))).containsExactly("sdr-1", "sdr-2", "sdr-1");
		JsonNode queue = get("/api/sdr-queue").getBody();
		then(queue.valueStream().map(e -> e.path("leadId").asLong())).containsExactly(a, b, c);
		then(queue.valueStream().map(e -> e.path("team").asString())).containsOnly("sdr");
	}

	@Test
	void aBandChangeOfALeadThatIsGoneIsDroppedNotRetried() {
		// settle() waits until no publication is left: a failed one would stay and be retried
		bandChanged(987_654L, ScoreBand.COOL, ScoreBand.HOT);

		then(jdbc.queryForObject("select count(*) from lead_lifecycle", Long.class)).isZero();
		then(jdbc.queryForObject("select count(*) from sdr_queue_entry", Long.class)).isZero();
	}

	String owner(long lead) {
		return pool.find(lead).orElseThrow().owner();
	}

	@Test
	void territoryRulesPickTheTeamAndKnownCustomersGoToTheirAccountOwnerWithANotification() {
		long east = lead("East Lead", "east@example.com", "East", "Manufacturing", null, null);
		long westManufacturing = lead("West Lead", "west@example.com", "West", "Manufacturing", null, null);
		long customer = lead("Customer Lead", "customer@example.com", "East", "Manufacturing", "am-wang", "CRM-77");
		long enterprise = lead("Big Lead", "big@example.com", "West", "Retail", "500+", null, null);

		bandChanged(east, ScoreBand.COOL, ScoreBand.HOT);
		bandChanged(westManufacturing, ScoreBand.COOL, ScoreBand.HOT);
		bandChanged(customer, ScoreBand.COOL, ScoreBand.HOT);
		bandChanged(enterprise, ScoreBand.COOL, ScoreBand.HOT);

		then(owner(east)).isEqualTo("east-1");
		then(owner(westManufacturing)).isEqualTo("sdr-1");
		then(owner(enterprise)).as("company size territory").isEqualTo("ent-1");
		then(pool.find(customer).orElseThrow().existingCustomer()).isTrue();
		then(owner(customer)).isEqualTo("am-wang");
		then(get("/api/sdr-queue").getBody().valueStream().filter(e -> e.path("leadId").asLong() == customer)
			.map(e -> e.path("team").asString())).containsExactly("key-accounts");

		// the account owner is notified through the CRM; the call center gets no task for a customer
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received("/crm/notifications").size() == 1);
		JsonNode notice = json(received("/crm/notifications").get(0));
		then(notice.path("owner").asString()).isEqualTo("am-wang");
		then(notice.path("leadId").asLong()).isEqualTo(customer);
		then(notice.path("message").asString()).contains("Customer Lead", "routed to you");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received("/cc/call-tasks").size() == 3);
		then(received("/cc/call-tasks").stream().map(b -> json(b).path("leadId").asLong()))
			.containsExactlyInAnyOrder(east, westManufacturing, enterprise);
	}

	/** Bodies of the requests the peers received on a path, oldest first. */
	List<String> received(String path) {
		return peers.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(path))
			.sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
			.map(e -> e.getRequest().getBodyAsString()).toList();
	}

	@Autowired
	tools.jackson.databind.json.JsonMapper mapper;

	JsonNode json(String body) {
		return mapper.readTree(body);
	}

	@Test
	void aHotLeadWithoutCallConsentIsQueuedButNeverCalledAndTheQueueSaysWhy() {
		long silent = newLead("Silent Lead", "silent@example.com", ConsentPurpose.MARKETING_EMAIL);
		long callable = newLead("Callable Lead", "callable@example.com");
		long dnc = newLead("Dnc Lead", "dnc@example.com");
		pool.resolve(new Arrival(Person.of(null, "dnc@example.com", null), null,
				TouchInput.of(TouchAction.UNSUBSCRIBE, "CALL", Instant.now()), "API")); // "do not call me again"
		settle();

		bandChanged(silent, ScoreBand.COOL, ScoreBand.HOT);
		bandChanged(callable, ScoreBand.COOL, ScoreBand.HOT);
		bandChanged(dnc, ScoreBand.COOL, ScoreBand.HOT);

		then(List.of(stage(silent), stage(callable), stage(dnc))).as("routed and staged all the same").containsOnly("MQL");
		Map<Long, String> blocked = new java.util.HashMap<>();
		get("/api/sdr-queue").getBody().valueStream()
			.forEach(e -> blocked.put(e.path("leadId").asLong(), e.path("contactBlocked").asString(null)));
		then(blocked).containsOnlyKeys(silent, callable, dnc);
		then(blocked.get(silent)).contains("no CALLS consent");
		then(blocked.get(dnc)).contains("no CALLS consent");
		then(blocked.get(callable)).isNull();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received("/cc/call-tasks").size() == 1);
		then(json(received("/cc/call-tasks").get(0)).path("leadId").asLong()).isEqualTo(callable);
		then(jdbc.queryForObject("select count(*) from outbox_message where kind = 'call-task'", Long.class))
			.as("no call task was ever written for the others").isEqualTo(1);
	}

	@Test
	void anMqlNobodyWorksWithinItsSlaIsFlaggedStale() {
		long ignored = newLead("Ignored Lead", "ignored@example.com");
		long worked = newLead("Worked Lead", "worked@example.com");
		bandChanged(ignored, ScoreBand.COOL, ScoreBand.HOT);
		bandChanged(worked, ScoreBand.COOL, ScoreBand.HOT);
		move(worked, "SAL", null, "sdr-2");
		then(timers.flagStaleMqls()).as("not yet stale").isZero();

		clock.advance(Duration.ofHours(49));

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/sdr-queue").getBody().valueStream()
			.anyMatch(e -> e.path("leadId").asLong() == ignored && e.hasNonNull("staleAt")));
		then(get("/api/sdr-queue").getBody().valueStream().filter(e -> e.hasNonNull("staleAt"))
			.map(e -> e.path("leadId").asLong())).containsExactly(ignored);
		then(timers.flagStaleMqls()).as("flagged once").isZero();
	}

	@Test
	void warmLeadsJoinTheInvitationListAndCoolOnesAreNurtured() {
		long warm = newLead("Warm Lead", "warm@example.com");
		long cooled = newLead("Cooled Lead", "cooled@example.com");
		bandChanged(cooled, ScoreBand.COOL, ScoreBand.HOT);

		bandChanged(warm, ScoreBand.COOL, ScoreBand.WARM);
		bandChanged(cooled, ScoreBand.HOT, ScoreBand.COOL);

		then(jdbc.queryForList("select lead_id from event_invitation where list_name = 'next-event'", Long.class))
			.containsExactly(warm);
		then(stage(warm)).isEqualTo("NURTURING");
		then(stage(cooled)).as("an MQL no SDR took yet goes back to nurturing").isEqualTo("NURTURING");
		then(get("/api/sdr-queue").getBody().size()).isZero();
	}

	@Test
	void leadsFurtherDownTheFunnelAreNotMovedByTheirScore() {
		long lead = newLead("Funnel Lead", "funnel@example.com");
		move(lead, "MQL", null, "marketing-ops");
		move(lead, "SAL", null, "sdr-1");

		bandChanged(lead, ScoreBand.HOT, ScoreBand.COOL);

		then(stage(lead)).isEqualTo("SAL");
	}

	@Test
	void sdrQualificationNeedsEveryRequiredBantAnswerThenMakesAnSql() {
		long lead = newLead("Bant Lead", "bant@example.com");
		bandChanged(lead, ScoreBand.COOL, ScoreBand.HOT);
		then(get("/api/qualification/questions").getBody().valueStream().map(q -> q.path("key").asString()))
			.containsExactly("budget", "authority", "need", "timeline");

		ResponseEntity<JsonNode> incomplete = postAs("sdr-1", "/api/qualification/leads/" + lead, Map.of("outcome",
				"QUALIFIED", "answers", Map.of("budget", "approved", "authority", "VP IT")));

		then(incomplete.getStatusCode().value()).isEqualTo(400);
		then(incomplete.getBody().path("errors").get(0).path("field").asString()).isEqualTo("answers.need");
		then(stage(lead)).isEqualTo("MQL");
		then(jdbc.queryForObject("select count(*) from qualification_answer", Long.class))
			.as("a refused call changes nothing").isZero();

		ResponseEntity<JsonNode> complete = postAs("sdr-1", "/api/qualification/leads/" + lead, Map.of("outcome",
				"QUALIFIED", "answers",
				Map.of("budget", "approved", "authority", "VP IT", "need", "traceability", "timeline", "Q3")));

		then(complete.getStatusCode().value()).isEqualTo(200);
		then(complete.getBody().path("stage").asString()).isEqualTo("SQL");
		then(jdbc.queryForList("select question || '=' || answer from qualification_answer where lead_id = ? order by 1",
				String.class, lead))
			.containsExactly("authority=VP IT", "budget=approved", "need=traceability", "timeline=Q3");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> peers.getAllServeEvents().stream()
			.anyMatch(e -> e.getRequest().getUrl().equals("/crm/opportunities/leadflow-" + lead)));
	}

	@Test
	void theGenericTransitionCannotMakeAnSqlWithoutTheQuestionnaire() {
		long lead = newLead("Gate Lead", "gate@example.com");
		move(lead, "MQL", null, "marketing-ops");
		move(lead, "SAL", null, "sdr-1");

		ResponseEntity<JsonNode> bypass = postAs("sdr-1", "/api/lifecycle/leads/" + lead + "/transitions",
				Map.of("to", "SQL", "answers", Map.of("budget", "approved")));

		then(bypass.getStatusCode().value()).isEqualTo(400);
		then(bypass.getBody().path("errors").get(0).path("field").asString()).isEqualTo("answers.authority");
		then(stage(lead)).isEqualTo("SAL");
		then(jdbc.queryForObject("select count(*) from qualification_answer", Long.class))
			.as("a refused move records no answer").isZero();

		ResponseEntity<JsonNode> qualified = postAs("sdr-1", "/api/lifecycle/leads/" + lead + "/transitions",
				Map.of("to", "SQL", "answers", Map.of("budget", "approved", "authority", "VP IT", "need", "traceability",
						"timeline", "Q3")));

		then(qualified.getStatusCode().value()).isEqualTo(200);
		then(stage(lead)).isEqualTo("SQL");
		then(jdbc.queryForList("select question || '=' || answered_by from qualification_answer order by 1",
				String.class)).containsExactly("authority=sdr-1", "budget=sdr-1", "need=sdr-1", "timeline=sdr-1");
	}

	@Test
	void anSqlNotAcceptedWithinTheSlaIsEscalatedAndReturnedToTheSdr() {
		long lead = sqlLead("Sla Lead", "sla@example.com");
		Instant due = Instant.parse(get("/api/lifecycle/leads/" + lead).getBody().path("slaDueAt").asString());
		then(Duration.between(Instant.now(), due)).isBetween(Duration.ofHours(23), Duration.ofHours(24));
		then(timers.escalateExpiredSqls()).as("not yet due").isZero();

		clock.advance(Duration.ofHours(25));

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stage(lead).equals("SAL"));
		JsonNode history = get("/api/lifecycle/leads/" + lead).getBody().path("history");
		JsonNode last = history.get(history.size() - 1);
		then(last.path("actor").asString()).isEqualTo("system:sla");
		then(last.path("reason").asString()).isEqualTo("SLA_EXPIRED");
		then(owner(lead)).isEqualTo("sales-manager");
		then(jdbc.queryForObject("select count(*) from sla_escalation where lead_id = ?", Long.class, lead)).isEqualTo(1);
	}

	@Test
	void anSqlAcceptedInTimeIsNeverEscalated() {
		long lead = sqlLead("Fast Lead", "fast@example.com");
		then(webhook("crm", CRM_SECRET, "{\"eventId\":\"acc-1\",\"leadId\":" + lead
				+ ",\"decision\":\"ACCEPTED\",\"owner\":\"sales-7\"}", Instant.now()).getStatusCode().value())
			.isEqualTo(200);

		clock.advance(Duration.ofHours(48));

		then(timers.escalateExpiredSqls()).isZero();
		then(stage(lead)).isEqualTo("OPPORTUNITY");
		then(owner(lead)).isEqualTo("sales-7");
		then(jdbc.queryForObject("select count(*) from sla_escalation", Long.class)).isZero();
	}

	@Test
	void aRecycledLeadIsNurturedAgainOnceItsReengageDateHasCome() {
		long lead = newLead("Later Lead", "later@example.com");
		move(lead, "MQL", null, "marketing-ops");
		LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
		postAs("sdr-1", "/api/lifecycle/leads/" + lead + "/transitions",
				Map.of("to", "RECYCLED", "reason", "TIMING", "reengageAfter", tomorrow.toString()));
		then(timers.reengageRecycledLeads()).isZero();

		clock.advance(Duration.ofDays(2));

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stage(lead).equals("NURTURING"));
		JsonNode history = get("/api/lifecycle/leads/" + lead).getBody().path("history");
		then(history.get(history.size() - 1).path("actor").asString()).isEqualTo("system:reengage");
	}

	long sqlLead(String name, String email) {
		long lead = newLead(name, email);
		move(lead, "MQL", null, "marketing-ops");
		move(lead, "SAL", null, "sdr-1");
		move(lead, "SQL", null, "sdr-1");
		return lead;
	}
}
