package com.leadflow.crmsync.outbox;

import java.time.Instant;
import java.util.UUID;

/** One stored message to a peer. {@code payload} is the JSON body as sent. */
public record OutboxMessage(long id, long leadId, Peer peer, String kind, String httpMethod, String path,
		String payload, UUID idempotencyKey, String status, int attempts, Instant nextAttemptAt, String lastError,
		Integer lastStatus, Instant createdAt, Instant deliveredAt) {
}
