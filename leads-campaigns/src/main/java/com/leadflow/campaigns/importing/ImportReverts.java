package com.leadflow.campaigns.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.campaigns.attribution.CampaignTouches;
import com.leadflow.campaigns.support.Problems;
import com.leadflow.core.LeadPool;
import com.leadflow.core.RevertedArrivals;
import com.leadflow.core.RevertedArrivals.Kept;

/**
 * Reverts an ended import: its rows' arrivals go back through the lead pool newest first, one transaction per batch
 * (leads it created are removed, fields it changed on existing leads get their previous values, its touches leave
 * the timelines and the attribution). What something else changed since is kept and listed. The job is claimed while
 * it runs (status REVERTING, with a lease), so a second revert is refused and a revert cut short can be run again.
 */
@Service
public class ImportReverts {

	/** Listed kept items at most (all are counted). */
	static final int MAX_LISTED = 1000;

	private final ImportJobs jobs;

	private final CampaignTouches touches;

	private final LeadPool pool;

	private final TransactionTemplate tx;

	private final ImportProperties properties;

	private final String node = "revert:" + UUID.randomUUID().toString().substring(0, 8);

	ImportReverts(ImportJobs jobs, CampaignTouches touches, LeadPool pool, TransactionTemplate tx,
			ImportProperties properties) {
		this.jobs = jobs;
		this.touches = touches;
		this.pool = pool;
		this.tx = tx;
		this.properties = properties;
	}

	/** Reverts a job and returns it with its {@code revert} result; 404 unknown, 409 running, reverted or a dry run. */
	public ImportJob revert(long jobId) {
		ImportJob job = jobs.find(jobId).orElseThrow(() -> Problems.notFound("import job", jobId));
		if (!jobs.claimRevert(jobId, node, properties.lease())) {
			throw Problems.conflict("import-not-revertible", "Import job " + jobId + (job.dryRun() ? " was a dry run: it stored nothing."
					: switch (job.status()) {
						case QUEUED, RUNNING -> " is still running; cancel it or wait for its end.";
						case REVERTED -> " is reverted already.";
						default -> " is being reverted.";
					}));
		}
		long touchesRemoved = 0, leadsRemoved = 0, keptCount = 0;
		Set<Long> restored = new HashSet<>();
		List<Kept> kept = new ArrayList<>();
		List<Long> batch = touches.ofJobBefore(jobId, Long.MAX_VALUE, properties.batchSize());
		while (!batch.isEmpty()) {
			List<Long> ids = batch;
			RevertedArrivals reverted = tx.execute(status -> {
				RevertedArrivals r = pool.revertArrivals(ids);
				Set<Long> stays = r.kept().stream().filter(k -> "lead".equals(k.field())).map(Kept::touchId)
					.collect(Collectors.toSet());
				touches.forget(ids.stream().filter(id -> !stays.contains(id)).toList());
				jobs.renewRevert(jobId, node, properties.lease());
				return r;
			});
			touchesRemoved += reverted.touchesRemoved();
			leadsRemoved += reverted.removedLeadIds().size();
			restored.addAll(reverted.restoredLeadIds());
			reverted.removedLeadIds().forEach(restored::remove);
			keptCount += reverted.kept().size();
			reverted.kept().stream().limit(Math.max(0, MAX_LISTED - kept.size())).forEach(kept::add);
			batch = touches.ofJobBefore(jobId, ids.get(ids.size() - 1), properties.batchSize());
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("touchesRemoved", touchesRemoved);
		result.put("leadsRemoved", leadsRemoved);
		result.put("leadsRestored", restored.size());
		result.put("keptCount", keptCount);
		result.put("kept", kept);
		jobs.finishRevert(jobId, node, result);
		return jobs.find(jobId).orElseThrow();
	}
}
