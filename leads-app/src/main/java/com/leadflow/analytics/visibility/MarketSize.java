package com.leadflow.analytics.visibility;

/**
 * The size of the market in one segment: how many target contacts or companies exist.
 * @param industry null (or {@code *}) = every industry; likewise region and size band
 */
public record MarketSize(String industry, String region, String sizeBand, Long marketSize) {
}
