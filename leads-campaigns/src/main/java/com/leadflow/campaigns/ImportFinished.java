package com.leadflow.campaigns;

/** An import job has run to its end (not published for cancelled or failed jobs, nor for dry runs). */
public record ImportFinished(long jobId, long seriesId, String channel, long created, long matched,
		long duplicatesInFile, long failed) {
}
