package com.leadflow.scoring;

import java.util.List;

/**
 * Several leads' bands changed in one re-score of a batch (a batch of arrivals, the bulk job): one event instead of
 * one {@link LeadBandChanged} each, so that routing can handle them together. A re-score that changes one band
 * publishes a {@link LeadBandChanged}.
 */
public record LeadBandsChanged(List<LeadBandChanged> changes) {

	public LeadBandsChanged {
		changes = List.copyOf(changes);
	}
}
