package com.leadflow.campaigns.importing;

/**
 * How an import treats people already in the pool. Only {@link #CREATE_AND_UPDATE} runs today: the other two need
 * to know whether a row's person exists before resolving it, which the lead pool's API does not offer yet.
 */
public enum ImportMode {
	CREATE_AND_UPDATE, CREATE_ONLY, UPDATE_ONLY
}
