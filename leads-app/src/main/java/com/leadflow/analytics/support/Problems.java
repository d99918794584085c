package com.leadflow.analytics.support;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problems of the analytics module: a stable type per kind, the invalid fields in {@code errors}. */
public final class Problems {

	/** One invalid field and why. */
	public record FieldProblem(String field, String message) {
	}

	private Problems() {
	}

	public static ErrorResponseException invalid(List<FieldProblem> errors) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has " + errors.size() + " invalid field(s).");
		body.setType(URI.create("/problems/invalid-request"));
		body.setTitle("Invalid request");
		body.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, body, null);
	}

	public static ErrorResponseException invalid(String field, String message) {
		return invalid(List.of(new FieldProblem(field, message)));
	}

	public static ErrorResponseException forbidden(String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
		body.setType(URI.create("/problems/forbidden"));
		body.setTitle("Forbidden");
		return new ErrorResponseException(HttpStatus.FORBIDDEN, body, null);
	}

	public static ErrorResponseException conflict(String type, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		body.setType(URI.create("/problems/" + type));
		body.setTitle("Conflict");
		return new ErrorResponseException(HttpStatus.CONFLICT, body, null);
	}
}
