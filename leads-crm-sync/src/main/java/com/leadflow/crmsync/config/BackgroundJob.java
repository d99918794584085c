package com.leadflow.crmsync.config;

import java.time.Duration;

/** A periodic job of crm-sync (outbox delivery, timers); it must claim its work in the database. */
public interface BackgroundJob {

	String name();

	Duration interval();

	void run();
}
