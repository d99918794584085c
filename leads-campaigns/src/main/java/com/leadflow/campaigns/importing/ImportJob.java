package com.leadflow.campaigns.importing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An import job and its progress. {@code stored} = created + matched + duplicatesInFile; {@code skipped}: rows the
 * mode left out; {@code withWarnings}: stored rows of which a field was dropped or read differently ({@code strict}
 * jobs reject them); {@code rowsPerSecond} is the rows read since the job started, per second of its run. A reverted job
 * has its {@code revertedAt} and {@code revert} result (see {@link ImportReverts}).
 */
public record ImportJob(long id, long uploadId, long seriesId, String channel, ImportMode mode, boolean dryRun,
		boolean strict, Map<Integer, LeadField> mapping, Status status, long totalRows, long position, long read,
		long created, long matched, long duplicatesInFile, long skipped, long failed, long withWarnings, int attempts, String lastError, Instant createdAt,
		Instant startedAt, Instant finishedAt, Instant revertedAt, Map<String, Object> revert) {

	/** Where a job is. */
	public enum Status {
		QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, REVERTING, REVERTED;

		/** Whether the job has stopped running (its rows may be reverted). */
		public boolean ended() {
			return this == SUCCEEDED || this == FAILED || this == CANCELLED;
		}
	}

	public long stored() {
		return created + matched + duplicatesInFile;
	}

	public double percent() {
		return totalRows == 0 ? 100.0 : Math.min(100.0, Math.round(position * 1000.0 / totalRows) / 10.0);
	}

	public double rowsPerSecond() {
		if (startedAt == null) {
			return 0;
		}
		Instant end = finishedAt == null ? Instant.now() : finishedAt;
		double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
		return Math.round(read / seconds * 10) / 10.0;
	}
}
