package com.leadflow.core.lead;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.leadflow.core.lead.Survivorship.Provenance;
import com.leadflow.core.lead.Survivorship.Rule;

class SurvivorshipTests {

	final Survivorship rules = new Survivorship(
			new LeadPoolProperties(null, Map.of("title", Rule.SOURCE_PRIORITY), null, null, null));

	final Provenance crmInJanuary = new Provenance("CRM", Instant.parse("2026-01-01T00:00:00Z"));

	final Provenance webFormInJune = new Provenance("WEB_FORM", Instant.parse("2026-06-01T00:00:00Z"));

	@Test
	void sourcePriorityLetsSalesConfirmedDataBeatALaterWebForm() {
		then(rules.challengerWins("title", crmInJanuary, webFormInJune)).isFalse();
		then(rules.challengerWins("title", webFormInJune, crmInJanuary)).isTrue();
	}

	@Test
	void mostRecentIsTheDefault() {
		then(rules.challengerWins("name", crmInJanuary, webFormInJune)).isTrue();
		then(rules.challengerWins("name", webFormInJune, crmInJanuary)).isFalse();
		then(rules.ruleFor("company")).isEqualTo(Rule.MOST_COMPLETE);
	}

	@Test
	void equalTrustFallsBackToMostRecent() {
		Provenance crmInJune = new Provenance("crm", Instant.parse("2026-06-01T00:00:00Z"));
		then(rules.challengerWins("title", crmInJanuary, crmInJune)).isTrue();
	}
}
