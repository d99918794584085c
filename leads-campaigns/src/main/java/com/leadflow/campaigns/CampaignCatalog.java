package com.leadflow.campaigns;

import java.util.Optional;

/** Campaign series for other modules (reports, routing): look one up, or the default one. */
public interface CampaignCatalog {

	Optional<CampaignSeries> find(long seriesId);

	/** The id of the default series {@value CampaignSeries#DEFAULT_NAME}, created if it went missing. */
	long defaultSeriesId();
}
