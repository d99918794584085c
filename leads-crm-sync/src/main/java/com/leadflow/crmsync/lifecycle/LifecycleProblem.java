package com.leadflow.crmsync.lifecycle;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.leadflow.crmsync.LifecycleStage;

/** RFC 9457 problems of the lifecycle: illegal move (409), missing or invalid reason (400), unknown lead (404). */
public class LifecycleProblem extends ErrorResponseException {

	private LifecycleProblem(HttpStatus status, ProblemDetail body) {
		super(status, body, null);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	public static LifecycleProblem illegalTransition(long leadId, LifecycleStage from, LifecycleStage to) {
		ProblemDetail body = body(HttpStatus.CONFLICT, "illegal-transition", "Illegal lifecycle transition",
				"Lead " + leadId + " cannot move from " + from + " to " + to + ".");
		body.setProperty("from", from.name());
		body.setProperty("to", to.name());
		body.setProperty("allowed", from.next().stream().map(Enum::name).toList());
		return new LifecycleProblem(HttpStatus.CONFLICT, body);
	}

	public static LifecycleProblem invalid(String field, String message) {
		ProblemDetail body = body(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"The request has 1 invalid field(s).");
		body.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return new LifecycleProblem(HttpStatus.BAD_REQUEST, body);
	}

	public static LifecycleProblem leadNotFound(long leadId) {
		return notFound("lead", leadId);
	}

	public static LifecycleProblem notFound(String what, long id) {
		return new LifecycleProblem(HttpStatus.NOT_FOUND,
				body(HttpStatus.NOT_FOUND, "not-found", "Not found", "No " + what + " with id " + id + "."));
	}

	static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create("/problems/" + type));
		body.setTitle(title);
		return body;
	}
}
