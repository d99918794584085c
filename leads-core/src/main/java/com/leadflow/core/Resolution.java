package com.leadflow.core;

import java.util.List;

/**
 * The pool's answer to an arrival.
 * @param leadId the lead the touch now belongs to
 * @param outcome whether the lead was created, matched, or the touch was a retried duplicate
 * @param matchedKeys the identity kinds that matched an existing lead (e.g. {@code EMAIL}, {@code PHONE})
 * @param touchId the touch appended (or the existing one for a duplicate)
 * @param mergedLeadIds leads absorbed because this arrival proved they are the same person
 * @param warnings what of the arrival was not taken as given: a dropped invalid field, an unverified phone number,
 *        keys of two leads that were not merged, a merge by name and company
 */
public record Resolution(long leadId, Outcome outcome, List<String> matchedKeys, long touchId, List<Long> mergedLeadIds,
		List<Warning> warnings) {

	public Resolution {
		warnings = warnings == null ? List.of() : List.copyOf(warnings);
	}

	public Resolution(long leadId, Outcome outcome, List<String> matchedKeys, long touchId, List<Long> mergedLeadIds) {
		this(leadId, outcome, matchedKeys, touchId, mergedLeadIds, List.of());
	}

	/** A field of the arrival and what happened to it (e.g. {@code phone}: "dropped: '123' is not a phone number"). */
	public record Warning(String field, String message) {
	}

	/** The same resolution with these warnings added. */
	public Resolution withWarnings(List<Warning> more) {
		if (more.isEmpty()) {
			return this;
		}
		List<Warning> all = new java.util.ArrayList<>(warnings);
		all.addAll(more);
		return new Resolution(leadId, outcome, matchedKeys, touchId, mergedLeadIds, all);
	}

	public enum Outcome {
		CREATED, MATCHED, DUPLICATE_TOUCH
	}
}
