package com.leadflow.crmsync.webhook;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.crmsync.LeadLifecycle.LeadStage;
import com.leadflow.crmsync.config.CrmSyncClock;
import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.crmsync.lifecycle.LifecycleProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks from the call center and the CRM. The raw body is verified first (HMAC-SHA256 over
 * {@code timestamp + "." + body}, headers {@code X-Leadflow-Timestamp} and {@code X-Leadflow-Signature}, replay
 * window): anything forged, unsigned or stale is refused with 401 before it is read.
 */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks", description = "Signed call outcomes and CRM decisions")
class WebhookController {

	static final String TIMESTAMP = "X-Leadflow-Timestamp";

	static final String SIGNATURE = "X-Leadflow-Signature";

	static final String TIMESTAMP_DOC = "Unix time in seconds when the peer signed the request (replay window)";

	static final String SIGNATURE_DOC = "sha256= and the hex HMAC-SHA256, keyed with the peer's webhook secret, of the "
			+ "timestamp, a dot and the exact request body";

	private final InboundWebhooks webhooks;

	private final JsonMapper json;

	private final CrmSyncClock clock;

	private final CrmSyncProperties.Webhooks settings;

	WebhookController(InboundWebhooks webhooks, JsonMapper json, CrmSyncClock clock, CrmSyncProperties properties) {
		this.webhooks = webhooks;
		this.json = json;
		this.clock = clock;
		this.settings = properties.webhooks();
	}

	@PostMapping(path = "/call-center", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A call outcome: QUALIFIED (with BANT answers), NOT_NOW (with reason) or INVALID")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = InboundWebhooks.CallOutcomeEvent.class)))
	LeadStage callOutcome(
			@Parameter(description = TIMESTAMP_DOC) @RequestHeader(name = TIMESTAMP, required = false) String timestamp,
			@Parameter(description = SIGNATURE_DOC) @RequestHeader(name = SIGNATURE, required = false) String signature,
			@RequestBody byte[] body) {
		return webhooks.callOutcome(signed(settings.callCenterSecret(), timestamp, signature, body,
				InboundWebhooks.CallOutcomeEvent.class));
	}

	@PostMapping(path = "/crm", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A CRM decision: ACCEPTED, REJECTED (with reason, e.g. BUDGET), WON or LOST")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = InboundWebhooks.CrmDecisionEvent.class)))
	LeadStage crmDecision(
			@Parameter(description = TIMESTAMP_DOC) @RequestHeader(name = TIMESTAMP, required = false) String timestamp,
			@Parameter(description = SIGNATURE_DOC) @RequestHeader(name = SIGNATURE, required = false) String signature,
			@RequestBody byte[] body) {
		return webhooks.crmDecision(signed(settings.crmSecret(), timestamp, signature, body,
				InboundWebhooks.CrmDecisionEvent.class));
	}

	/** The body as {@code type}, once its signature is verified (401 before anything is read). */
	private <T> T signed(String secret, String timestamp, String signature, byte[] body, Class<T> type) {
		String text = new String(body, StandardCharsets.UTF_8);
		WebhookSignature.verify(secret, timestamp, signature, text, clock.now(), settings.replayWindow());
		try {
			return json.readValue(text, type);
		}
		catch (JacksonException e) {
			throw LifecycleProblem.invalid("body", "not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
		}
	}
}
