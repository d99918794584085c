package com.leadflow.scoring.web;

import java.time.Instant;

import org.springframework.web.client.RestClient;

import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.LeadPool;
import com.leadflow.core.TouchAction;

/** Helpers of the scoring HTTP tests: a client that never throws on status, and arrivals through the real pool. */
final class ScoringHttp {

	private ScoringHttp() {
	}

	static RestClient client(int port) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler(s -> true, (req, res) -> {
			})
			.build();
	}

	static long arrive(LeadPool pool, String email, TouchAction action, Integer minutes) {
		return pool.resolve(new Arrival(Person.of(null, email, null), null,
				new TouchInput(action, "WEB", null, Instant.now(), minutes, null, null, null), "API")).leadId();
	}
}
