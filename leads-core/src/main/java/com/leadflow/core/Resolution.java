package com.leadflow.core;

import java.util.List;

/**
 * The pool's answer to an arrival.
 * @param leadId the lead the touch now belongs to
 * @param outcome whether the lead was created, matched, or the touch was a retried duplicate
 * @param matchedKeys the identity kinds that matched an existing lead (e.g. {@code EMAIL}, {@code PHONE})
 * @param touchId the touch appended (or the existing one for a duplicate)
 * @param mergedLeadIds leads absorbed because this arrival proved they are the same person
 */
public record Resolution(long leadId, Outcome outcome, List<String> matchedKeys, long touchId, List<Long> mergedLeadIds) {

	public enum Outcome {
		CREATED, MATCHED, DUPLICATE_TOUCH
	}
}
