package com.leadflow.crmsync.routing;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.leadflow.crmsync.config.BackgroundJob;
import com.leadflow.crmsync.config.CrmSyncProperties;

/** Runs the lifecycle timers every {@code leadflow.crm-sync.sla.check-interval}. */
@Component
class TimerJob implements BackgroundJob {

	private final LifecycleTimers timers;

	private final Duration interval;

	TimerJob(LifecycleTimers timers, CrmSyncProperties properties) {
		this.timers = timers;
		this.interval = properties.sla().checkInterval();
	}

	@Override
	public String name() {
		return "lifecycle-timers";
	}

	@Override
	public Duration interval() {
		return interval;
	}

	@Override
	public void run() {
		timers.escalateExpiredSqls();
		timers.flagStaleMqls();
		timers.reengageRecycledLeads();
	}
}
