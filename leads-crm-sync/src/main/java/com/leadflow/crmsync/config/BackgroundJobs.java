package com.leadflow.crmsync.config;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link BackgroundJob} with a fixed delay while the application runs, when
 * {@code leadflow.crm-sync.background-jobs} is true. Jobs claim work in the database, so every node may run them.
 */
@Component
class BackgroundJobs implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

	private final List<BackgroundJob> jobs;

	private final TaskScheduler scheduler;

	private final boolean enabled;

	private final List<ScheduledFuture<?>> running = new ArrayList<>();

	BackgroundJobs(List<BackgroundJob> jobs, TaskScheduler scheduler, CrmSyncProperties properties) {
		this.jobs = jobs;
		this.scheduler = scheduler;
		this.enabled = properties.backgroundJobs();
	}

	@Override
	public synchronized void start() {
		if (!enabled) {
			return;
		}
		for (BackgroundJob job : jobs) {
			running.add(scheduler.scheduleWithFixedDelay(() -> {
				try {
					job.run();
				}
				catch (RuntimeException e) {
					log.warn("Job {} failed: {}", job.name(), e.toString());
				}
			}, job.interval()));
		}
	}

	@Override
	public synchronized void stop() {
		running.forEach(f -> f.cancel(false));
		running.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !running.isEmpty();
	}
}
