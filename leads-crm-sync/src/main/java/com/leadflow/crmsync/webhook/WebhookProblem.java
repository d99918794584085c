package com.leadflow.crmsync.webhook;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Problems of inbound webhooks: bad signature or timestamp (401), an event id seen before (409). */
class WebhookProblem extends ErrorResponseException {

	private WebhookProblem(HttpStatus status, String type, String title, String detail) {
		super(status, body(status, type, title, detail), null);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	static WebhookProblem unauthorized(String detail) {
		return new WebhookProblem(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid webhook signature", detail);
	}

	static WebhookProblem duplicate(String source, String eventId) {
		return new WebhookProblem(HttpStatus.CONFLICT, "duplicate-event", "Duplicate event",
				"Event " + eventId + " from " + source + " was already processed; nothing changed.");
	}

	private static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create("/problems/" + type));
		body.setTitle(title);
		return body;
	}
}
