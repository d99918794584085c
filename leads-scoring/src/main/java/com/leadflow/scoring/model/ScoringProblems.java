package com.leadflow.scoring.model;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The scoring module's errors as RFC 9457 problem details ({@code /problems/<kind>}). */
public final class ScoringProblems {

	private ScoringProblems() {
	}

	/** 400: a model definition (or request) with wrong fields, each named. */
	public static ErrorResponseException invalid(List<ModelValidator.Violation> violations) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-scoring-model", "Invalid scoring model",
				"The scoring model has " + violations.size() + " invalid field(s).");
		p.setProperty("errors",
				violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, p, null);
	}

	/** 404. */
	public static ErrorResponseException notFound(String what) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND,
				problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist."), null);
	}

	/** 409: an illegal move (editing an active model, activating a retired one). */
	public static ErrorResponseException conflict(String detail) {
		return new ErrorResponseException(HttpStatus.CONFLICT,
				problem(HttpStatus.CONFLICT, "illegal-model-transition", "Illegal model transition", detail), null);
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setType(URI.create("/problems/" + type));
		p.setTitle(title);
		return p;
	}
}
