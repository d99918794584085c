package com.leadflow.crmsync.config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The time source of crm-sync (timers, backoff, replay window), injectable so tests can move time. */
public record CrmSyncClock(Clock clock) {

	public Instant now() {
		return clock.instant();
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
