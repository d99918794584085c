package com.leadflow.crmsync.nurture;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.leadflow.core.ConsentPurpose;
import com.leadflow.crmsync.CrmSyncHttpTestBase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With {@code nurture.webhook} on, each new open nurture task is pushed to the marketing tool through the outbox. */
class NurtureWebhookTests extends CrmSyncHttpTestBase {

	@DynamicPropertySource
	static void marketingWebhook(DynamicPropertyRegistry registry) {
		registry.add("leadflow.crm-sync.nurture.webhook", () -> "true");
		registry.add("leadflow.crm-sync.marketing.base-url", () -> peers.baseUrl() + "/mkt");
	}

	@Autowired
	JsonMapper json;

	@Test
	void newOpenTasksArePushedToTheMarketingToolAndBlockedOnesAreNot() {
		peers.stubFor(any(urlPathMatching("/(cc|crm|mkt)/.*")).willReturn(aResponse().withStatus(202)));

		long mailable = newLead("Webhook Lead", "webhook@example.com");
		long quiet = newLead("Quiet Webhook Lead", "quiet.webhook@example.com", ConsentPurpose.CALLS);

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pushed().length == 1);
		JsonNode task = pushed()[0];
		then(task.path("leadId").asLong()).isEqualTo(mailable);
		then(task.path("rule").asString()).isEqualTo("first-whitepaper");
		then(task.path("emails").get(0).asString()).isEqualTo("webhook@example.com");
		then(peers.getAllServeEvents().get(0).getRequest().getHeader("Idempotency-Key")).isNotBlank();
		then(jdbc.queryForObject("select count(*) from outbox_message where lead_id = ?", Long.class, quiet)).isZero();
	}

	JsonNode[] pushed() {
		return peers.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/mkt/nurture-tasks"))
			.map(ServeEvent::getRequest).map(r -> json.readTree(r.getBodyAsString())).toArray(JsonNode[]::new);
	}
}
