package com.leadflow.campaigns;

import java.util.List;
import java.util.Optional;

/** Campaign series for other modules (reports, routing): look one up, or the default one. */
public interface CampaignCatalog {

	Optional<CampaignSeries> find(long seriesId);

	/** Every series with its channels and costs, in id order (reports: one read instead of one per series). */
	List<CampaignSeries> all();

	/** The id of the default series {@value CampaignSeries#DEFAULT_NAME}, created if it went missing. */
	long defaultSeriesId();
}
