package com.leadflow.core;

import java.util.List;

/**
 * What {@link LeadPool#resolve} would find for an arrival, found without changing anything.
 * @param leadIds the active leads its identity keys belong to (empty: resolving would create a lead)
 * @param retry whether its idempotency key is already used (resolving would return that touch again)
 */
public record Identification(List<Long> leadIds, boolean retry) {

	public Identification {
		leadIds = List.copyOf(leadIds);
	}
}
