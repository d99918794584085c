package com.leadflow.core.identity;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Bad input for the lead pool: rendered as 400 problem details naming each field. */
public class InvalidArrivalException extends ErrorResponseException {

	public record FieldProblem(String field, String message) {
	}

	private final List<FieldProblem> problems;

	public InvalidArrivalException(String type, String detail, List<FieldProblem> problems) {
		super(HttpStatus.BAD_REQUEST, problem(type, detail, problems), null);
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail() + " " + problems;
	}

	private static ProblemDetail problem(String type, String detail, List<FieldProblem> problems) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		body.setType(URI.create("/problems/" + type));
		body.setTitle("Invalid lead data");
		body.setProperty("errors", problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
		return body;
	}
}
