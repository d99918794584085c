package com.leadflow.crmsync.routing;

import static org.assertj.core.api.BDDAssertions.then;

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
}
