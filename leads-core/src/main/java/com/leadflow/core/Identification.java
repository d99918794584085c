package com.leadflow.core;

import java.util.List;

/**
 * What {@link LeadPool#resolve} would find for an arrival, found without changing anything.
 * @param leadIds the active leads its identity keys belong to (empty: resolving would create a lead)
 * @param retry whether its idempotency key is already used (resolving would return that touch again)
 * @param keys its normalised identity keys ({@code PHONE:+8613800138000}), to tell arrivals of one person apart from
 *        others without storing them (a dry run)
 * @param warnings what resolving would drop or read differently, as {@link Resolution#warnings}
 */
public record Identification(List<Long> leadIds, boolean retry, List<String> keys, List<Resolution.Warning> warnings) {

	public Identification {
		leadIds = List.copyOf(leadIds);
		keys = List.copyOf(keys);
		warnings = List.copyOf(warnings);
	}

	public Identification(List<Long> leadIds, boolean retry) {
		this(leadIds, retry, List.of(), List.of());
	}
}
