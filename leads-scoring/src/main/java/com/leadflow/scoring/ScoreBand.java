package com.leadflow.scoring;

/** The band a score falls in: Cool below the warm threshold, Hot above the hot threshold, Warm between (inclusive). */
public enum ScoreBand {
	COOL, WARM, HOT
}
