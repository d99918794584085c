package com.leadflow.crmsync.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after attempt n the wait is {@code min(max, initial × 2^(n-1))}, of which a random
 * share up to {@code jitter} is taken off, so retries of many messages after an outage spread out.
 */
record Backoff(Duration initial, Duration max, double jitter, DoubleSupplier random) {

	Duration after(int attempts) {
		double base = initial.toMillis() * Math.pow(2, Math.max(0, attempts - 1));
		double capped = Math.min(max.toMillis(), base);
		return Duration.ofMillis(Math.round(capped * (1 - jitter * random.getAsDouble())));
	}
}
