package com.leadflow.scoring.lead;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Re-scores leads off the caller's thread, a few at a time, coalescing bursts: a lead already waiting is not queued
 * twice (its pending run reads the whole timeline when it starts). Lost on a crash by design: the next touch or a bulk
 * re-score repairs the score.
 */
@Component
class RescoreQueue implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RescoreQueue.class);

	private final LeadScoring scoring;

	private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

	private final ExecutorService workers;

	RescoreQueue(LeadScoring scoring, ScoringProperties properties) {
		this.scoring = scoring;
		this.workers = Executors.newFixedThreadPool(properties.incrementalThreads(),
				Thread.ofPlatform().name("scoring-", 0).daemon(true).factory());
	}

	void submit(long leadId) {
		if (!waiting.add(leadId)) {
			return;
		}
		workers.execute(() -> {
			waiting.remove(leadId);
			try {
				scoring.rescore(leadId);
			}
			catch (RuntimeException e) {
				log.warn("Could not re-score lead {}: {}", leadId, e.toString());
			}
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		workers.shutdown();
		workers.awaitTermination(10, TimeUnit.SECONDS);
	}
}
