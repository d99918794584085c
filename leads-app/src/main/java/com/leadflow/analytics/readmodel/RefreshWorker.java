package com.leadflow.analytics.readmodel;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.analytics.standards.AnalyticsProperties;

/**
 * Drains the dirty-lead queue: claims a batch ({@code FOR UPDATE SKIP LOCKED}, so any number of nodes share the
 * work) and recomputes it in the same transaction; a failed batch goes back to the queue.
 */
@Component
class RefreshWorker {

	private static final Logger log = LoggerFactory.getLogger(RefreshWorker.class);

	private final DirtyLeads dirty;

	private final FactRefresher refresher;

	private final TransactionTemplate tx;

	private final AnalyticsProperties properties;

	RefreshWorker(DirtyLeads dirty, FactRefresher refresher, TransactionTemplate tx, AnalyticsProperties properties) {
		this.dirty = dirty;
		this.refresher = refresher;
		this.tx = tx;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${leadflow.analytics.refresh-interval:500ms}",
			initialDelayString = "${leadflow.analytics.refresh-interval:500ms}")
	void drain() {
		if (!properties.workerEnabled()) {
			return;
		}
		try {
			while (Boolean.TRUE.equals(tx.execute(status -> {
				List<DirtyLeads.Mark> marks = dirty.claim(properties.batchSize(), properties.settle());
				if (marks.isEmpty()) {
					return false;
				}
				refresher.refreshMarked(marks);
				return true;
			}))) {
				// next batch
			}
		}
		catch (RuntimeException e) {
			log.warn("Analytics refresh failed; the batch stays queued: {}", e.toString());
		}
	}
}
