package com.leadflow.core;

/** Two leads proved to be one person: {@code absorbedId} now resolves to {@code survivorId}. */
public record LeadMerged(long survivorId, long absorbedId, long mergeId) {
}
