package com.leadflow.crmsync.nurture;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.TestHttp;
import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.TouchAction;
import com.leadflow.crmsync.CrmSyncHttpTestBase;
import com.leadflow.platform.security.ApiKeys;
import com.leadflow.scoring.FitGrade;
import com.leadflow.scoring.LeadBandChanged;
import com.leadflow.scoring.ScoreBand;

import tools.jackson.databind.JsonNode;

/** Nurtured leads get their next best content as a task; open tasks form the audiences marketing tools read. */
class NurtureTests extends CrmSyncHttpTestBase {

	@Autowired
	ApiKeys keys;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	JsonNode tasks(long lead) {
		return get("/api/nurture/leads/" + lead + "/tasks").getBody();
	}

	/** The lead's current (not closed) task: "content status". */
	String current(long lead) {
		return tasks(lead).valueStream().filter(t -> !t.path("status").asString().equals("CLOSED"))
			.map(t -> t.path("content").asString() + " " + t.path("status").asString()).findFirst().orElse("none");
	}

	List<Long> audience(String content) {
		return get("/api/nurture/audiences/" + content).getBody().valueStream().map(m -> m.path("leadId").asLong())
			.toList();
	}

	void touch(String email, TouchAction action, String channel) {
		pool.resolve(new Arrival(Person.of(null, email, null), null, TouchInput.of(action, channel, Instant.now()), "API"));
		settle();
	}

	@Test
	void theNextBestContentFollowsTheTimeline() {
		long lead = newLead("Nurtured Lead", "nurtured@example.com");
		then(current(lead)).isEqualTo("whitepaper OPEN");

		touch("nurtured@example.com", TouchAction.WHITEPAPER_DOWNLOAD, "WEB");
		then(current(lead)).as("downloaded a whitepaper, no webinar yet").isEqualTo("webinar-invitation OPEN");

		touch("nurtured@example.com", TouchAction.WEBINAR_ATTEND, "WEBINAR");
		then(current(lead)).as("attended a webinar").isEqualTo("trial-offer OPEN");

		JsonNode history = tasks(lead);
		then(history.valueStream().map(t -> t.path("content").asString() + " " + t.path("status").asString()))
			.containsExactly("trial-offer OPEN", "webinar-invitation CLOSED", "whitepaper CLOSED");
		then(history.get(1).path("closeReason").asString()).isEqualTo("superseded by trial-after-webinar");
		then(audience("trial-offer")).containsExactly(lead);
		then(audience("webinar-invitation")).isEmpty();
		JsonNode member = get("/api/nurture/audiences/trial-offer").getBody().get(0);
		then(member.path("emails").get(0).asString()).isEqualTo("nurtured@example.com");
		then(member.path("channel").asString()).isEqualTo("EMAIL");
		then(get("/api/nurture/audiences").getBody().valueStream()
			.map(a -> a.path("content").asString() + "=" + a.path("leads").asLong())).containsExactly("trial-offer=1");
		then(get("/api/nurture/rules").getBody().valueStream().map(r -> r.path("name").asString()))
			.containsExactly("trial-after-webinar", "webinar-after-whitepaper", "first-whitepaper");
	}

	@Test
	void aLeadThatLeavesNurturingLeavesItsAudience() {
		long lead = newLead("Hot Nurtured", "hot.nurtured@example.com");
		then(audience("whitepaper")).containsExactly(lead);

		tx.executeWithoutResult(s -> events.publishEvent(
				new LeadBandChanged(lead, "default", ScoreBand.COOL, ScoreBand.HOT, 320, FitGrade.A)));
		settle();

		then(audience("whitepaper")).isEmpty();
		then(current(lead)).isEqualTo("none");
		then(tasks(lead).get(0).path("closeReason").asString()).isEqualTo("left nurturing: MQL");
	}

	@Test
	void noNurtureWithoutMarketingEmailConsentAndTheTaskSaysWhy() {
		long noConsent = newLead("Quiet Lead", "quiet@example.com", ConsentPurpose.CALLS);
		long unsubscribes = newLead("Leaving Lead", "leaving@example.com");
		long withdraws = newLead("Withdrawing Lead", "withdrawing@example.com");
		then(audience("whitepaper")).containsExactlyInAnyOrder(unsubscribes, withdraws);

		touch("leaving@example.com", TouchAction.UNSUBSCRIBE, "EDM");
		post("/api/leads/" + withdraws + "/consents",
				Map.of("purpose", "MARKETING_EMAIL", "granted", false, "source", "preference-center"));

		then(current(noConsent)).isEqualTo("whitepaper BLOCKED");
		then(tasks(noConsent).get(0).path("contactBlocked").asString()).contains("no MARKETING_EMAIL consent");
		then(current(unsubscribes)).as("the unsubscribe touch re-evaluated the track").isEqualTo("whitepaper BLOCKED");
		then(audience("whitepaper")).as("a withdrawal without a touch counts when the audience is read").isEmpty();
	}

	@Test
	void aBatchDecidesAgainForTheTouchesAndConsentsThatCanChangeATask() {
		long downloads = newLead("Batch Downloader", "batch.downloader@example.com");
		long grants = newLead("Batch Granter", "batch.granter@example.com", ConsentPurpose.CALLS);
		long browses = newLead("Batch Browser", "batch.browser@example.com");
		then(current(grants)).isEqualTo("whitepaper BLOCKED");

		Map<String, Object> consent = Map.of("consent",
				Map.of("purposes", List.of("MARKETING_EMAIL"), "textVersion", "test-form-2"));
		then(pool.resolveAll(List.of(
				new Arrival(Person.of(null, "batch.downloader@example.com", null), null,
						TouchInput.of(TouchAction.WHITEPAPER_DOWNLOAD, "WEB", Instant.now()), "API"),
				new Arrival(Person.of(null, "batch.granter@example.com", null), null,
						new TouchInput(TouchAction.PAGE_VIEW, "WEB", null, Instant.now(), null, null, consent, null), "API"),
				new Arrival(Person.of(null, "batch.browser@example.com", null), null,
						TouchInput.of(TouchAction.PAGE_VIEW, "WEB", Instant.now()), "API"))))
			.allMatch(r -> r.ok());
		settle();

		then(current(downloads)).isEqualTo("webinar-invitation OPEN");
		then(current(grants)).as("a page view that brought a consent").isEqualTo("whitepaper OPEN");
		then(tasks(browses).size()).as("a page view changes no rule's answer").isEqualTo(1);
		then(current(browses)).isEqualTo("whitepaper OPEN");
	}

	@Test
	void aConsentGrantedThroughThePrivacyApiOpensABlockedTaskWithoutATouch() {
		long lead = newLead("Late Granter", "late.granter@example.com", ConsentPurpose.CALLS);
		then(current(lead)).isEqualTo("whitepaper BLOCKED");

		post("/api/leads/" + lead + "/consents",
				Map.of("purpose", "MARKETING_EMAIL", "granted", true, "source", "preference-center"));
		settle();

		then(current(lead)).isEqualTo("whitepaper OPEN");
		then(audience("whitepaper")).containsExactly(lead);
	}

	@Test
	void aMarketingToolReadsAudiencesWithANurtureKeyAndNothingElse() {
		long lead = newLead("Tool Lead", "tool@example.com");
		var tool = TestHttp.withApiKey(port, keys.create("marketing-tool", Set.of("nurture"), "test").secret());
		var reader = TestHttp.withApiKey(port, keys.create("reader", Set.of("read"), "test").secret());

		var audience = tool.get().uri("/api/nurture/audiences/whitepaper").retrieve().toEntity(JsonNode.class);

		then(audience.getStatusCode().value()).isEqualTo(200);
		then(audience.getBody().get(0).path("leadId").asLong()).isEqualTo(lead);
		then(tool.get().uri("/api/leads/" + lead).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
		then(tool.get().uri("/api/lifecycle/metrics").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
		then(reader.get().uri("/api/nurture/audiences").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(403);
	}
}
