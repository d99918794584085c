package com.leadflow.core;

import java.util.List;

/**
 * A batch of arrivals resolved together ({@link LeadPool#resolveAll}): one event for all of them instead of one
 * {@link LeadTouched} (and {@link LeadProfileChanged}) per arrival, so that listeners can handle them set-wise.
 * Arrivals of a batch that needed the one-by-one path (merges, several rows of one person) publish their own
 * per-arrival events and are not in it.
 * @param touches the touches appended, in the batch's order
 * @param profileChanged leads whose profile the batch changed (besides the new ones): a field, the company or a new
 *        identity key
 * @param consentChanged leads whose consents the batch changed (a form's grant, an unsubscribe)
 */
public record LeadsTouched(List<LeadTouched> touches, List<Long> profileChanged, List<Long> consentChanged) {

	public LeadsTouched {
		touches = List.copyOf(touches);
		profileChanged = List.copyOf(profileChanged);
		consentChanged = consentChanged == null ? List.of() : List.copyOf(consentChanged); // null: stored before it
	}

	/** The distinct leads of the batch (touched or changed), in first-seen order. */
	public List<Long> leadIds() {
		java.util.LinkedHashSet<Long> ids = new java.util.LinkedHashSet<>();
		touches.forEach(t -> ids.add(t.leadId()));
		ids.addAll(profileChanged);
		return List.copyOf(ids);
	}
}
