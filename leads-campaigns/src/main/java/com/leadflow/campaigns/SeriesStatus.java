package com.leadflow.campaigns;

/** Where a campaign series is in its life. */
public enum SeriesStatus {
	PLANNED, ACTIVE, PAUSED, COMPLETED, ARCHIVED
}
