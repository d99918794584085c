package com.leadflow.scoring.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.leadflow.core.DecisionRole;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.Touch;
import com.leadflow.core.TouchAction;

/** Test data: lead snapshots and touches made in the test. */
final class Leads {

	private Leads() {
	}

	static LeadSnapshot anonymous(long id) {
		return lead(id, null, null, null, null, null, null);
	}

	static LeadSnapshot lead(long id, String title, DecisionRole role, String budget, String need, String timeframe,
			String sizeBand) {
		return new LeadSnapshot(id, "Lead " + id, title, role, null, null, null, null, "NEW", budget, need, timeframe,
				null, null, null, sizeBand, false, List.of("lead" + id + "@example.com"), List.of(), List.of(), Map.of(),
				Instant.parse("2026-01-01T00:00:00Z"), null);
	}

	static LeadSnapshot withEmail(long id, String email) {
		return new LeadSnapshot(id, "Lead " + id, null, null, null, null, null, null, "NEW", null, null, null, null,
				null, null, null, false, List.of(email), List.of(), List.of(), Map.of(),
				Instant.parse("2026-01-01T00:00:00Z"), null);
	}

	static Touch touch(long id, TouchAction action, Instant at) {
		return new Touch(id, 1, action, "web", null, at, null, null, Map.of());
	}

	static Touch watched(long id, TouchAction action, Instant at, int minutes) {
		return new Touch(id, 1, action, "web", null, at, minutes, null, Map.of());
	}

	static Touch touch(long id, TouchAction action, Instant at, String channel, String contentId) {
		return new Touch(id, 1, action, channel, null, at, null, contentId, Map.of());
	}
}
