package com.leadflow.scoring.model;

import java.time.Instant;

/** One version of a scoring model of a scope ({@code default} or an industry). */
public record ScoringModel(long id, String scope, int version, String name, ModelStatus status,
		ModelDefinition definition, Instant createdAt, Instant updatedAt, Instant activatedAt, Instant retiredAt) {
}
