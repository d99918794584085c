package com.leadflow.core.lead;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 for an id that never was a lead (merged ids still resolve). */
public class LeadNotFoundException extends ErrorResponseException {

	public LeadNotFoundException(String what, long id) {
		super(HttpStatus.NOT_FOUND, problem(what, id), null);
	}

	private static ProblemDetail problem(String what, long id) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + what + " with id " + id + ".");
		body.setType(URI.create("/problems/not-found"));
		body.setTitle("Not found");
		return body;
	}
}
