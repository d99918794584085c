package com.leadflow.campaigns.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problems of the campaigns module: a stable type per kind, and the invalid fields in {@code errors}. */
public final class Problems {

	/** One invalid field and why. */
	public record FieldProblem(String field, String message) {
	}

	private Problems() {
	}

	public static ErrorResponseException invalid(String type, String detail, List<FieldProblem> errors) {
		ProblemDetail body = body(HttpStatus.BAD_REQUEST, type, "Invalid request", detail);
		body.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, body, null);
	}

	public static ErrorResponseException invalid(String field, String message) {
		return invalid("invalid-request", "The request has 1 invalid field(s).", List.of(new FieldProblem(field, message)));
	}

	public static ErrorResponseException notFound(String what, Object id) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND,
				body(HttpStatus.NOT_FOUND, "not-found", "Not found", "No " + what + " with id " + id + "."), null);
	}

	public static ErrorResponseException conflict(String type, String detail) {
		return new ErrorResponseException(HttpStatus.CONFLICT, body(HttpStatus.CONFLICT, type, "Conflict", detail), null);
	}

	public static ErrorResponseException tooLarge(String detail) {
		return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE,
				body(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large", detail), null);
	}

	/**
	 * The invalid fields a problem names in {@code errors} (the pool's and this module's problems use the same
	 * shape); a problem without any is one problem with no field and the problem's detail.
	 */
	public static List<FieldProblem> fieldProblems(ErrorResponseException e) {
		Object errors = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("errors");
		List<FieldProblem> problems = new ArrayList<>();
		if (errors instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> m) {
					problems.add(new FieldProblem(String.valueOf(m.get("field")), String.valueOf(m.get("message"))));
				}
			}
		}
		if (problems.isEmpty()) {
			problems.add(new FieldProblem("", String.valueOf(e.getBody().getDetail())));
		}
		return problems;
	}

	private static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create("/problems/" + type));
		body.setTitle(title);
		return body;
	}
}
