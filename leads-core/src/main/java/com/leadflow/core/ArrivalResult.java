package com.leadflow.core;

import org.springframework.web.ErrorResponseException;

/**
 * One arrival's outcome in a batch ({@link LeadPool#resolveAll}): its resolution, or why it was rejected (a 400
 * problem naming the fields, as {@link LeadPool#resolve} would throw).
 */
public record ArrivalResult(Resolution resolution, ErrorResponseException rejected) {

	public boolean ok() {
		return resolution != null;
	}
}
