package com.leadflow.scoring.bulk;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.core.LeadPool;
import com.leadflow.scoring.lead.LeadScoring;
import com.leadflow.scoring.lead.ScoringProperties;

/**
 * Runs bulk re-score jobs: claims a job in the database, walks the active leads in id order in batches (one
 * transaction each, progress and heartbeat stored with it), so a job stopped with its node is resumed by another
 * from the last batch. Wakes up after an activation and every 30 seconds; queues a re-score of every lead every
 * {@code leadflow.scoring.refresh-every} (default a day) so that time decay reaches stored bands.
 */
@Component
public class BulkRescore implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BulkRescore.class);

	private final ScoringJobs jobs;

	private final LeadPool pool;

	private final LeadScoring scoring;

	private final TransactionTemplate tx;

	private final int batchSize;

	private final java.time.Duration refreshEvery;

	private final java.time.Instant startedAt = java.time.Instant.now();

	private final ScheduledExecutorService worker = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("scoring-bulk").daemon(true).factory());

	BulkRescore(ScoringJobs jobs, LeadPool pool, LeadScoring scoring, TransactionTemplate tx,
			ScoringProperties properties) {
		this.jobs = jobs;
		this.pool = pool;
		this.scoring = scoring;
		this.tx = tx;
		this.batchSize = properties.bulkBatchSize();
		this.refreshEvery = properties.refreshEvery();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		worker.scheduleWithFixedDelay(this::tick, 30, 30, TimeUnit.SECONDS);
	}

	/** Every 30 s: queue the periodic refresh when it is due, then run what is pending. */
	void tick() {
		try {
			if (!refreshEvery.isZero() && !refreshEvery.isNegative()) {
				tx.execute(s -> jobs.enqueueRefreshIfDue(refreshEvery, startedAt));
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not queue the periodic re-score: {}", e.toString());
		}
		runPending();
	}

	/** Asks the worker to look for jobs now. */
	public void wakeUp() {
		worker.execute(this::runPending);
	}

	/** Waits until the worker has finished what it was asked to do before this call (tests clean tables after it). */
	void awaitIdle() throws Exception {
		worker.submit(() -> {
		}).get(1, TimeUnit.MINUTES);
	}

	/** Runs every claimable job to its end (on the calling thread). */
	public void runPending() {
		try {
			Optional<ScoringJob> job;
			while ((job = tx.execute(s -> jobs.claim())).isPresent()) {
				run(job.get());
			}
		}
		catch (RuntimeException e) {
			log.warn("Bulk re-scoring stopped: {}", e.toString());
		}
	}

	private void run(ScoringJob job) {
		try {
			if (job.totalLeads() == null) {
				jobs.total(job.id(), countActiveLeads());
			}
			long last = job.lastLeadId();
			while (true) {
				List<Long> ids = pool.activeLeadIdsAfter(last, batchSize);
				if (ids.isEmpty()) {
					break;
				}
				long batchLast = ids.getLast();
				tx.executeWithoutResult(s -> {
					LeadScoring.BatchResult result = scoring.rescoreBatch(ids);
					jobs.progress(job.id(), ids.size(), result.bandChanges(), batchLast);
				});
				last = batchLast;
			}
			jobs.finish(job.id(), null);
			log.info("Bulk re-score job {} done", job.id());
		}
		catch (RuntimeException e) {
			log.error("Bulk re-score job {} failed", job.id(), e);
			jobs.finish(job.id(), e.toString());
		}
	}

	private int countActiveLeads() {
		int count = 0;
		long last = 0;
		List<Long> ids;
		while (!(ids = pool.activeLeadIdsAfter(last, 50_000)).isEmpty()) {
			count += ids.size();
			last = ids.getLast();
		}
		return count;
	}

	@Override
	public void destroy() throws InterruptedException {
		worker.shutdownNow();
		worker.awaitTermination(10, TimeUnit.SECONDS);
	}
}
