package com.leadflow.scoring.web;

import java.time.Instant;

import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.LeadPool;
import com.leadflow.core.TouchAction;

/** Arrivals through the real pool for the scoring HTTP tests. */
final class ScoringHttp {

	private ScoringHttp() {
	}

	static long arrive(LeadPool pool, String email, TouchAction action, Integer minutes) {
		return pool.resolve(new Arrival(Person.of(null, email, null), null,
				new TouchInput(action, "WEB", null, Instant.now(), minutes, null, null, null), "API")).leadId();
	}
}
