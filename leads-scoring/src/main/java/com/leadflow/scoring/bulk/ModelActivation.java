package com.leadflow.scoring.bulk;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.leadflow.scoring.model.ModelCatalog;
import com.leadflow.scoring.model.ScoringModel;

/** Activates a draft model and, in the same transaction, queues the bulk re-score that applies it to every lead. */
@Service
public class ModelActivation {

	private final ModelCatalog catalog;

	private final ScoringJobs jobs;

	private final BulkRescore bulk;

	ModelActivation(ModelCatalog catalog, ScoringJobs jobs, BulkRescore bulk) {
		this.catalog = catalog;
		this.jobs = jobs;
		this.bulk = bulk;
	}

	/** The activated model and the job that re-scores the leads. */
	public record Activated(ScoringModel model, ScoringJob job) {
	}

	@Transactional
	public Activated activate(long modelId) {
		ScoringModel model = catalog.activate(modelId);
		ScoringJob job = jobs.enqueueRescore(modelId);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				bulk.wakeUp();
			}
		});
		return new Activated(model, job);
	}

	/** Queues a re-score of every lead with the models active now (e.g. after decay should be refreshed). */
	@Transactional
	public ScoringJob rescoreAll() {
		ScoringJob job = jobs.enqueueRescore(null);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				bulk.wakeUp();
			}
		});
		return job;
	}
}
