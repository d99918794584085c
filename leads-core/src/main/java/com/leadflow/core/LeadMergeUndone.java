package com.leadflow.core;

/** A merge was reverted: {@code restoredId} is an active lead again, with its own identities and touches. */
public record LeadMergeUndone(long mergeId, long survivorId, long restoredId) {
}
