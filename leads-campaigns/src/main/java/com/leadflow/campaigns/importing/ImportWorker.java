package com.leadflow.campaigns.importing;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.ImportFinished;
import com.leadflow.campaigns.attribution.CampaignTouches;
import com.leadflow.campaigns.attribution.CampaignTouches.Recorded;
import com.leadflow.campaigns.importing.ImportJobs.BatchOutcome;
import com.leadflow.campaigns.importing.ImportJobs.RejectedRow;
import com.leadflow.campaigns.importing.RowMapper.Mapped;
import com.leadflow.campaigns.importing.RowMapper.RowProblem;
import com.leadflow.campaigns.support.Problems;
import com.leadflow.core.Arrival;
import com.leadflow.core.ArrivalResult;
import com.leadflow.core.Identification;
import com.leadflow.core.LeadPool;
import com.leadflow.core.Resolution;
import com.leadflow.core.Touch;

import jakarta.annotation.PreDestroy;

/**
 * Runs import jobs. A node claims one open job in the database ({@code FOR UPDATE SKIP LOCKED}, with a lease), streams
 * its file from the row after the job's committed position, resolves each batch of rows through the lead pool (set-wise,
 * {@link LeadPool#resolveAll}) and commits the batch's counts, rejected rows, attribution and new position in one transaction. Each
 * row's touch carries the idempotency key {@code import:<jobId>:<rowNo>}, so a batch replayed after a crash (resolved
 * but not committed) adds no touch and no lead: its rows come back as duplicates and are counted as before.
 */
@Component
public class ImportWorker {

	private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

	/** A dry run's lead id for a row of a person an earlier row of the file brings: counted as a duplicate in the file. */
	private static final long DRY_RUN_EARLIER_ROW = -1;

	private final ImportJobs jobs;

	private final Uploads uploads;

	private final LeadPool pool;

	private final CampaignTouches touches;

	private final TransactionTemplate tx;

	private final ImportProperties properties;

	private final ApplicationEventPublisher events;

	private final String node;

	private final ExecutorService runner = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("import-worker").factory());

	private final AtomicBoolean busy = new AtomicBoolean();

	private volatile boolean stopping;

	ImportWorker(ImportJobs jobs, Uploads uploads, LeadPool pool, CampaignTouches touches, TransactionTemplate tx,
			ImportProperties properties, ApplicationEventPublisher events) {
		this.jobs = jobs;
		this.events = events;
		this.uploads = uploads;
		this.pool = pool;
		this.touches = touches;
		this.tx = tx;
		this.properties = properties;
		this.node = hostname() + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Looks for work; a claimed job runs on the worker's own thread, so a long import never holds up the shared
	 * scheduler (other modules' timers).
	 */
	@Scheduled(fixedDelayString = "${leadflow.campaigns.import.poll-interval:1s}", initialDelayString = "${leadflow.campaigns.import.poll-interval:1s}")
	void poll() {
		if (!properties.workerEnabled() || stopping || !busy.compareAndSet(false, true)) {
			return;
		}
		try {
			runner.execute(() -> {
				try {
					while (!stopping && runOnce(Long.MAX_VALUE, false)) {
						// keep going while there are jobs to claim
					}
				}
				catch (RuntimeException e) {
					log.warn("Import worker could not claim a job: {}", e.toString());
				}
				finally {
					busy.set(false);
				}
			});
		}
		catch (RejectedExecutionException e) {
			busy.set(false); // shutting down
		}
	}

	/** Claims one job and runs it to its end; false when there was none to claim. */
	public boolean runOnce() {
		return runOnce(Long.MAX_VALUE, false);
	}

	/**
	 * Claims one job and runs at most {@code maxBatches} batches of it. With {@code crashBeforeLastCommit} the last
	 * of those batches is resolved but not committed and the claim is kept, as when the node dies at that moment.
	 */
	boolean runOnce(long maxBatches, boolean crashBeforeLastCommit) {
		Optional<Long> claimed = tx.execute(status -> jobs.claim(node, properties.lease()));
		if (claimed.isEmpty()) {
			return false;
		}
		long jobId = claimed.get();
		try {
			run(jobs.find(jobId).orElseThrow(), maxBatches, crashBeforeLastCommit);
		}
		catch (RuntimeException e) {
			log.warn("Import job {} failed on {}: {}", jobId, node, e.toString());
			jobs.release(jobId, node, e.toString(), properties.maxAttempts(), Duration.ofSeconds(5));
		}
		return true;
	}

	private void run(ImportJob job, long maxBatches, boolean crashBeforeLastCommit) {
		Uploads.Upload upload = uploads.find(job.uploadId()).orElseThrow();
		Path file = uploads.spool(upload.id());
		try (RowSource source = RowSource.open(file, upload.format(), upload.charset())) {
			RowMapper mapper = new RowMapper(source.header(), job.mapping(), job.seriesId(), Channel.valueOf(job.channel()),
					"import:" + job.id() + ":", job.strict());
			Set<String> keysSeen = new HashSet<>(); // a dry run's people so far (the real run stores them)
			SourceRow row = source.next();
			while (row != null && row.rowNo() <= job.position()) {
				row = source.next(); // committed before: skip
			}
			long batches = 0;
			while (row != null) {
				if (stopping) {
					jobs.unclaim(job.id(), node);
					return;
				}
				List<SourceRow> batch = new ArrayList<>(properties.batchSize());
				while (row != null && batch.size() < properties.batchSize()) {
					batch.add(row);
					row = source.next();
				}
				batches++;
				boolean crash = crashBeforeLastCommit && batches == maxBatches;
				if (!processBatch(job, mapper, batch, keysSeen, crash) || crash) {
					return;
				}
				if (batches == maxBatches) {
					jobs.unclaim(job.id(), node);
					return;
				}
			}
			tx.executeWithoutResult(status -> {
				if (jobs.finish(job.id(), node) && !job.dryRun()) {
					ImportJob done = jobs.find(job.id()).orElseThrow();
					events.publishEvent(new ImportFinished(done.id(), done.seriesId(), done.channel(), done.created(),
							done.matched(), done.duplicatesInFile(), done.failed()));
				}
			});
			log.info("Import job {} finished", job.id());
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (java.io.IOException ignored) {
				// temp file
			}
		}
	}

	/**
	 * Resolves and commits one batch; false when this node no longer holds the job (cancelled or taken over). A dry run
	 * asks the pool what it would do with each row ({@link LeadPool#identify}: the same validation) and stores nothing
	 * but the counts and the report.
	 */
	private boolean processBatch(ImportJob job, RowMapper mapper, List<SourceRow> rows, Set<String> keysSeen,
			boolean crashBeforeCommit) {
		Instant at = Instant.now();
		List<Mapped> mapped = rows.stream().map(row -> mapper.map(row, at)).toList();
		List<Arrival> arrivals = mapped.stream().map(Mapped::arrival).toList();
		List<ArrivalResult> results = job.dryRun() ? dryRun(job, arrivals, keysSeen)
				: job.mode() == ImportMode.CREATE_AND_UPDATE ? pool.resolveAll(arrivals) : inOrder(job, arrivals);
		List<RejectedRow> reported = new ArrayList<>();
		long created = 0, matched = 0, inFile = 0, skipped = 0, withWarnings = 0;
		List<Recorded> recorded = new ArrayList<>();
		Set<Long> createdHere = new HashSet<>();
		boolean[] leadCreated = new boolean[rows.size()];
		List<Long> others = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Resolution r = results.get(i) == null ? null : results.get(i).resolution();
			if (r != null) {
				leadCreated[i] = r.outcome() == Resolution.Outcome.CREATED
						|| (r.outcome() == Resolution.Outcome.DUPLICATE_TOUCH && createdByThisTouch(r));
				if (leadCreated[i]) {
					createdHere.add(r.leadId());
				}
				else {
					others.add(r.leadId());
				}
			}
		}
		Set<Long> createdEarlier = job.dryRun() ? Set.of() : new HashSet<>(touches.createdByJob(job.id(), others));
		for (int i = 0; i < rows.size(); i++) {
			SourceRow row = rows.get(i);
			ArrivalResult result = results.get(i);
			if (result == null) {
				skipped++;
				continue;
			}
			if (!result.ok()) {
				reported.add(new RejectedRow(row.rowNo(), problems(result.rejected(), mapped.get(i), mapper), row.cells(),
						true));
				continue;
			}
			Resolution r = result.resolution();
			Mapped m = mapped.get(i);
			List<RowProblem> warnings = new ArrayList<>(m.warnings());
			r.warnings().forEach(w -> warnings.add(new RowProblem(mapper.column(w.field(), m), w.message())));
			if (!warnings.isEmpty()) {
				reported.add(new RejectedRow(row.rowNo(), warnings, row.cells(), false));
				withWarnings++;
			}
			if (leadCreated[i]) {
				created++;
			}
			else if (r.leadId() == DRY_RUN_EARLIER_ROW || createdHere.contains(r.leadId())
					|| createdEarlier.contains(r.leadId())) {
				inFile++;
			}
			else {
				matched++;
			}
			if (!job.dryRun()) {
				recorded.add(new Recorded(r.touchId(), r.leadId(), job.seriesId(), job.channel(), leadCreated[i], job.id(),
						row.rowNo(), at));
			}
		}
		if (crashBeforeCommit) {
			return false;
		}
		long failed = reported.stream().filter(RejectedRow::rejected).count();
		BatchOutcome outcome = new BatchOutcome(rows.get(rows.size() - 1).rowNo(), rows.size(), created, matched, inFile,
				skipped, failed, withWarnings, reported);
		Boolean held = tx.execute(status -> {
			touches.record(recorded);
			if (!jobs.commitBatch(job.id(), node, properties.lease(), outcome)) {
				status.setRollbackOnly();
				return false;
			}
			return true;
		});
		return Boolean.TRUE.equals(held);
	}

	/**
	 * What the real run would answer for each row, without storing: a row the mode admits creates a lead when none of
	 * its keys is known to the pool nor to an earlier row of the file (then it is a duplicate in the file, answered
	 * with lead id 0 as "created earlier"), else it matches. Rejected rows come with the pool's problems.
	 */
	private List<ArrivalResult> dryRun(ImportJob job, List<Arrival> arrivals, Set<String> keysSeen) {
		List<ArrivalResult> results = new ArrayList<>();
		for (Arrival arrival : arrivals) {
			Identification found;
			try {
				found = pool.identify(arrival);
			}
			catch (ErrorResponseException e) {
				if (e.getStatusCode().value() != 400) {
					throw e;
				}
				results.add(new ArrivalResult(null, e));
				continue;
			}
			boolean earlierRow = found.keys().stream().anyMatch(keysSeen::contains);
			boolean known = !found.leadIds().isEmpty();
			boolean admitted = switch (job.mode()) {
				case CREATE_AND_UPDATE -> true;
				case CREATE_ONLY -> !known;
				case UPDATE_ONLY -> known;
			};
			if (!admitted) {
				results.add(null);
				continue;
			}
			keysSeen.addAll(found.keys());
			Resolution.Outcome outcome = known || earlierRow ? Resolution.Outcome.MATCHED : Resolution.Outcome.CREATED;
			long leadId = known ? found.leadIds().get(0) : earlierRow ? DRY_RUN_EARLIER_ROW : 0;
			results.add(new ArrivalResult(new Resolution(leadId, outcome, List.of(), 0, List.of(), found.warnings()), null));
		}
		return results;
	}

	/**
	 * CREATE_ONLY and UPDATE_ONLY: rows in file order, each looked up first and resolved only when the mode admits it
	 * (null: skipped). A row replayed after a crash (its touch exists) is resolved again, so it counts as before.
	 */
	private List<ArrivalResult> inOrder(ImportJob job, List<Arrival> arrivals) {
		Set<Long> createdInBatch = new HashSet<>();
		List<ArrivalResult> results = new ArrayList<>();
		for (Arrival arrival : arrivals) {
			try {
				Resolution resolution = admitted(job, pool.identify(arrival), createdInBatch) ? pool.resolve(arrival) : null;
				if (resolution != null && resolution.outcome() == Resolution.Outcome.CREATED) {
					createdInBatch.add(resolution.leadId());
				}
				results.add(resolution == null ? null : new ArrivalResult(resolution, null));
			}
			catch (ErrorResponseException e) {
				if (e.getStatusCode().value() != 400) {
					throw e;
				}
				results.add(new ArrivalResult(null, e));
			}
		}
		return results;
	}

	/** Whether the job's mode lets a row in: CREATE_ONLY new people (or people this import created), UPDATE_ONLY known ones. */
	private boolean admitted(ImportJob job, Identification found, Set<Long> createdInBatch) {
		if (found.retry()) {
			return true;
		}
		return switch (job.mode()) {
			case CREATE_AND_UPDATE -> true;
			case UPDATE_ONLY -> !found.leadIds().isEmpty();
			case CREATE_ONLY -> found.leadIds().isEmpty() || createdInBatch.containsAll(found.leadIds())
					|| touches.createdByJob(job.id(), found.leadIds()).size() == found.leadIds().size();
		};
	}

	/** For a replayed row: whether its (earlier) touch is the first of its lead, i.e. the row created the lead. */
	private boolean createdByThisTouch(Resolution replay) {
		List<Touch> timeline = pool.touches(replay.leadId());
		return !timeline.isEmpty() && timeline.stream().mapToLong(Touch::id).min().getAsLong() == replay.touchId();
	}

	/** The pool's field problems, named by the file's column headers (a row without any identity: by none). */
	private static List<RowProblem> problems(ErrorResponseException e, Mapped mapped, RowMapper mapper) {
		List<RowProblem> problems = new ArrayList<>(mapped.warnings());
		boolean wholeRow = String.valueOf(e.getBody().getType()).endsWith("/no-identity");
		Problems.fieldProblems(e).forEach(p -> problems
			.add(new RowProblem(wholeRow ? "" : mapper.column(p.field(), mapped), p.message())));
		return problems;
	}

	@PreDestroy
	void stop() {
		stopping = true;
		runner.shutdown();
		try {
			// the current batch commits, the job is given back
			runner.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static String hostname() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException e) {
			return "node";
		}
	}
}
