package com.leadflow.crmsync.routing;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.ArrivalResult;
import com.leadflow.core.TouchAction;
import com.leadflow.crmsync.CrmSyncHttpTestBase;
import com.leadflow.scoring.FitGrade;
import com.leadflow.scoring.LeadBandChanged;
import com.leadflow.scoring.LeadBandsChanged;
import com.leadflow.scoring.ScoreBand;

/**
 * A batch of arrivals (an import batch, the batch ingestion API) goes through scoring, routing and nurture set-wise
 * and must end exactly as the same people arriving one by one: stage, history, nurture task. Band changes of one
 * batch are routed in each lead's order, whatever their mix.
 */
class BatchRoutingTests extends CrmSyncHttpTestBase {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	static Arrival consenting(String name, String email) {
		return new Arrival(Person.of(name, email, null), null, new TouchInput(TouchAction.FORM_SUBMIT, "WEB_FORM", null,
				Instant.now(), null, null,
				Map.of("consent", Map.of("purposes", List.of("CALLS", "MARKETING_EMAIL"), "textVersion", "test-form-1")),
				null), "API");
	}

	/** A lead's stage moves as "from>to by actor: note", and its current nurture task. */
	List<String> journey(long lead) {
		List<String> journey = new ArrayList<>(jdbc.queryForList("""
				select from_stage || '>' || to_stage || ' by ' || actor || ': ' || coalesce(note, '')
				from lead_stage_history where lead_id = ? order by id""", String.class, lead));
		journey.addAll(jdbc.queryForList("""
				select rule_name || ' ' || content || ' ' || status from nurture_task
				where lead_id = ? and status <> 'CLOSED'""", String.class, lead));
		journey.add(pool.find(lead).orElseThrow().lifecycleStage());
		return journey;
	}

	@Test
	void aBatchOfNewPeopleIsScoredRoutedAndNurturedAsTheSamePeopleOneByOne() {
		long single = newLead("One By One", "one.by.one@example.com");

		List<ArrivalResult> batch = pool.resolveAll(List.of(consenting("Batch A", "batch.a@example.com"),
				consenting("Batch B", "batch.b@example.com"), consenting("Batch C", "batch.c@example.com")));
		settle();

		List<String> expected = journey(single);
		then(expected).hasSize(3).last().isEqualTo("NURTURING");
		for (ArrivalResult r : batch) {
			then(journey(r.resolution().leadId())).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void bandChangesOfABatchAreRoutedInEachLeadsOrder() {
		long cool = newLead("Cool Then", "cool.then@example.com"); // NURTURING
		long fresh = newLead("Fresh", "fresh@example.com");
		long twoGroups = newLead("Two Groups", "two.groups@example.com");
		jdbc.update("update lead_lifecycle set stage = 'NEW' where lead_id in (?, ?)", fresh, twoGroups); // as new

		tx.executeWithoutResult(s -> events.publishEvent(new LeadBandsChanged(List.of(
				new LeadBandChanged(cool, "default", ScoreBand.COOL, ScoreBand.HOT, 320, FitGrade.A),
				new LeadBandChanged(fresh, "default", null, ScoreBand.COOL, 40, FitGrade.D),
				new LeadBandChanged(twoGroups, "product-b", null, ScoreBand.HOT, 310, FitGrade.B),
				new LeadBandChanged(twoGroups, "default", null, ScoreBand.COOL, 60, FitGrade.B)))));
		settle();

		then(pool.find(cool).orElseThrow().lifecycleStage()).isEqualTo("MQL");
		then(journey(fresh)).endsWith("NEW>NURTURING by system:routing: band null -> COOL (score 40, fit D)",
				"first-whitepaper whitepaper OPEN", "NURTURING");
		then(journey(twoGroups)).endsWith( // Hot first (an MQL), then Cool (back to nurturing), as routed one by one
				"NEW>MQL by system:routing: band null -> HOT (score 310, fit B)",
				"MQL>NURTURING by system:routing: band null -> COOL (score 60, fit B)",
				"first-whitepaper whitepaper OPEN", "NURTURING");
		then(jdbc.queryForObject("select count(*) from sdr_queue_entry where lead_id = ? and closed_at is null",
				Long.class, twoGroups)).isZero();
	}

	long regional(String name, String region) {
		Person person = new Person(name, null, null, List.of(name.toLowerCase().replace(' ', '.') + "@example.com"),
				List.of(), null, null, null, region, null, null, null, null, null, null, null);
		long lead = newLead(person, null);
		jdbc.update("update lead_lifecycle set stage = 'NEW' where lead_id = ?", lead); // as new
		return lead;
	}

	static LeadBandChanged warm(long lead) {
		return new LeadBandChanged(lead, "default", ScoreBand.COOL, ScoreBand.WARM, 200, FitGrade.B);
	}

	@Test
	void warmLeadsOfABatchAreInvitedAndMovedTogetherAsTheyWouldBeOneByOne() {
		var created = post("/api/events", Map.of("name", "East summit", "region", "East", "location", "Shanghai",
				"startsAt", clock.instant().plus(Duration.ofDays(7)).toString()));
		then(created.getStatusCode().value()).isEqualTo(201);
		long event = created.getBody().path("id").asLong();
		long alone = regional("Alone East", "East");
		long east = regional("Batch East", "East");
		long west = regional("Batch West", "West");
		long qualified = regional("Batch Qualified", "East");
		jdbc.update("update lead_lifecycle set stage = 'MQL' where lead_id = ?", qualified);
		jdbc.update("update lead set lifecycle_stage = 'MQL' where id = ?", qualified);

		tx.executeWithoutResult(s -> events.publishEvent(warm(alone)));
		settle();
		tx.executeWithoutResult(s -> events.publishEvent(new LeadBandsChanged(
				List.of(warm(west), warm(east), warm(qualified), warm(987_654_321L))))); // the last: no such lead
		settle();

		List<String> expected = journey(alone);
		then(expected).contains("NEW>NURTURING by system:routing: band COOL -> WARM (score 200, fit B)")
			.last().isEqualTo("NURTURING");
		then(journey(east)).containsExactlyElementsOf(expected);
		then(journey(west)).containsExactlyElementsOf(expected);
		then(journey(qualified)).last().as("an MQL is invited but stays where it is").isEqualTo("MQL");
		then(jdbc.queryForList("select lead_id from offline_event_invitee where event_id = ? order by lead_id",
				Long.class, event)).containsExactly(alone, east, qualified);
		then(jdbc.queryForList("select lead_id from event_invitation", Long.class)).containsExactly(west);
	}
}
