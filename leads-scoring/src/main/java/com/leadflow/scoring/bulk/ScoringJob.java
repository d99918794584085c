package com.leadflow.scoring.bulk;

import java.time.Instant;

/** A background job of the scoring module (a bulk re-score after an activation) and its progress. */
public record ScoringJob(long id, String kind, Long modelId, String status, Integer totalLeads, int processed,
		int bandChanges, long lastLeadId, String error, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
