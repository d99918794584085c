package com.leadflow.crmsync.offline;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.core.Arrival.CompanyInfo;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.ConsentPurpose;
import com.leadflow.crmsync.CrmSyncHttpTestBase;
import com.leadflow.scoring.FitGrade;
import com.leadflow.scoring.LeadBandChanged;
import com.leadflow.scoring.ScoreBand;

import tools.jackson.databind.JsonNode;

/** Warm leads are invited to the next upcoming offline event of their region / industry; events are managed by API. */
class OfflineEventsTests extends CrmSyncHttpTestBase {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	long event(String name, String region, String industry, Duration fromNow) {
		java.util.Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "startsAt",
				NOW.plus(fromNow).toString(), "location", "Shanghai"));
		if (region != null) {
			body.put("region", region);
		}
		if (industry != null) {
			body.put("industry", industry);
		}
		var response = post("/api/events", body);
		then(response.getStatusCode().value()).isEqualTo(201);
		return response.getBody().path("id").asLong();
	}

	long lead(String name, String region, String industry, ConsentPurpose... consents) {
		Person person = new Person(name, null, null, List.of(name.toLowerCase().replace(' ', '.') + "@example.com"),
				List.of(), null, null, null, region, null, null, null, null, null, null, null);
		return newLead(person, new CompanyInfo(name + " Co", industry, null, region), consents);
	}

	void turnsWarm(long lead) {
		tx.executeWithoutResult(s -> events.publishEvent(
				new LeadBandChanged(lead, "default", ScoreBand.COOL, ScoreBand.WARM, 200, FitGrade.B)));
		settle();
	}

	List<Long> invitees(long event) {
		return get("/api/events/" + event + "/invitees").getBody().valueStream().map(i -> i.path("leadId").asLong())
			.toList();
	}

	@Test
	void aWarmLeadIsInvitedToTheNextUpcomingEventOfItsRegionAndIndustry() {
		long past = event("Past East summit", "East", "Manufacturing", Duration.ofDays(-3));
		long later = event("East summit (autumn)", "East", "Manufacturing", Duration.ofDays(30));
		long next = event("East factory tour", "east", "manufacturing", Duration.ofDays(10));
		long west = event("West roadshow", "West", null, Duration.ofDays(5));
		long open = event("Open day", null, null, Duration.ofDays(20));
		long eastLead = lead("East Buyer", "East", "Manufacturing", ConsentPurpose.MARKETING_EMAIL);
		long westLead = lead("West Buyer", "West", "Retail", ConsentPurpose.MARKETING_EMAIL);
		long northLead = lead("North Buyer", "North", "Retail", ConsentPurpose.MARKETING_EMAIL);

		turnsWarm(eastLead);
		turnsWarm(westLead);
		turnsWarm(northLead);

		then(invitees(next)).containsExactly(eastLead);
		then(invitees(west)).as("an event without industry takes every industry of its region").containsExactly(westLead);
		then(invitees(open)).as("an event without region and industry takes anyone").containsExactly(northLead);
		then(invitees(later)).isEmpty();
		then(invitees(past)).isEmpty();
		then(get("/api/events/" + next).getBody().path("invitees").asLong()).isEqualTo(1);
		then(get("/api/events").getBody().valueStream().map(e -> e.path("id").asLong()))
			.as("upcoming events, soonest first").containsExactly(west, next, open, later);
		then(get("/api/events/waiting-list").getBody().size()).isZero();
	}

	@Test
	void aWarmLeadWithoutAMatchingEventWaitsAndIsInvitedWhenOneIsCreated() {
		long south = lead("South Buyer", "South", "Energy", ConsentPurpose.MARKETING_EMAIL);
		long other = lead("Other Buyer", "East", "Energy", ConsentPurpose.MARKETING_EMAIL);
		turnsWarm(south);
		turnsWarm(other);
		then(get("/api/events/waiting-list").getBody().valueStream().map(i -> i.path("leadId").asLong()))
			.containsExactly(south, other);

		long event = event("South energy forum", "South", "Energy", Duration.ofDays(14));

		then(invitees(event)).containsExactly(south);
		then(get("/api/events/waiting-list").getBody().valueStream().map(i -> i.path("leadId").asLong()))
			.containsExactly(other);
	}

	@Test
	void inviteesWithoutMarketingEmailConsentAreListedWithTheReasonAndAWithdrawalCounts() {
		long event = event("Open house", null, null, Duration.ofDays(7));
		long mailable = lead("Mailable Buyer", "East", "Retail", ConsentPurpose.MARKETING_EMAIL);
		long callsOnly = lead("Calls Buyer", "East", "Retail", ConsentPurpose.CALLS);
		long withdrawn = lead("Withdrawn Buyer", "East", "Retail", ConsentPurpose.MARKETING_EMAIL);
		turnsWarm(mailable);
		turnsWarm(callsOnly);
		turnsWarm(withdrawn);

		then(post("/api/leads/" + withdrawn + "/consents", Map.of("purpose", "MARKETING_EMAIL", "granted", false,
				"source", "support-call")).getStatusCode().value()).isEqualTo(201);

		Map<Long, String> blocked = new java.util.HashMap<>();
		get("/api/events/" + event + "/invitees").getBody().valueStream()
			.forEach(i -> blocked.put(i.path("leadId").asLong(), i.path("contactBlocked").asString(null)));
		then(blocked).containsOnlyKeys(mailable, callsOnly, withdrawn);
		then(blocked.get(mailable)).isNull();
		then(blocked.get(callsOnly)).contains("no MARKETING_EMAIL consent");
		then(blocked.get(withdrawn)).contains("no MARKETING_EMAIL consent");
	}

	@Test
	void eventsAreCreatedChangedAndDeletedAndBadInputIsAProblemNamingTheField() {
		long id = event("Draft", "East", null, Duration.ofDays(3));

		JsonNode changed = http.put().uri("/api/events/" + id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Final", "region", "West", "startsAt", NOW.plus(Duration.ofDays(4)).toString()))
			.retrieve().body(JsonNode.class);
		var missing = post("/api/events", Map.of("region", "East"));
		var malformed = post("/api/events", Map.of("name", "X", "startsAt", "next tuesday"));
		int deleted = http.delete().uri("/api/events/" + id).retrieve().toBodilessEntity().getStatusCode().value();

		then(changed.path("name").asString()).isEqualTo("Final");
		then(changed.path("region").asString()).isEqualTo("West");
		then(changed.path("industry").isNull() || changed.path("industry").isMissingNode()).isTrue();
		then(missing.getStatusCode().value()).isEqualTo(400);
		then(missing.getBody().path("errors").valueStream().map(e -> e.path("field").asString()))
			.containsExactlyInAnyOrder("name", "startsAt");
		then(malformed.getStatusCode().value()).isEqualTo(400);
		then(deleted).isEqualTo(204);
		then(get("/api/events/" + id).getStatusCode().value()).isEqualTo(404);
		then(http.delete().uri("/api/events/" + id).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
	}
}
