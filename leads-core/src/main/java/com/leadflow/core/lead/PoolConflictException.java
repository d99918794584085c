package com.leadflow.core.lead;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the request conflicts with the pool's state (e.g. undoing a merge a later merge depends on). */
public class PoolConflictException extends ErrorResponseException {

	public PoolConflictException(String type, String detail) {
		super(HttpStatus.CONFLICT, problem(type, detail), null);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	private static ProblemDetail problem(String type, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		body.setType(URI.create("/problems/" + type));
		body.setTitle("Conflict");
		return body;
	}
}
