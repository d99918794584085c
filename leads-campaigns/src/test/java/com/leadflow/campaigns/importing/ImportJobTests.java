package com.leadflow.campaigns.importing;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.campaigns.ImportFinished;

import com.leadflow.campaigns.importing.ImportJob.Status;
import com.leadflow.campaigns.importing.ImportJobs.RejectedRow;
import com.leadflow.campaigns.importing.ImportService.StartImport;
import com.leadflow.campaigns.importing.RowMapper.RowProblem;
import com.leadflow.core.Arrival;
import com.leadflow.core.LeadPool;
import com.leadflow.core.TouchAction;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

@SpringBootTest(properties = { "leadflow.campaigns.import.worker-enabled=false", "leadflow.campaigns.import.batch-size=5" })
@RecordApplicationEvents
class ImportJobTests {

	@Autowired
	ApplicationEvents events;

	@Autowired
	Uploads uploads;

	@Autowired
	ImportService imports;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportWorker worker;

	@Autowired
	LeadPool pool;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@BeforeEach
	void clean() {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
	}

	long upload(String csv) {
		return uploads.store(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "leads.csv", null).uploadId();
	}

	ImportJob start(long uploadId, boolean dryRun) {
		return imports.start(new StartImport(uploadId, null, null, null, dryRun, false, null));
	}

	long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	static String rows(int n) {
		StringBuilder csv = new StringBuilder("姓名,邮箱,手机\n");
		for (int i = 1; i <= n; i++) {
			csv.append("Person ").append(i).append(",p").append(i).append("@example.cn,\n");
		}
		return csv.toString();
	}

	@Test
	void countsCreatedMatchedInFileDuplicatesAndRejectedRows() {
		pool.resolve(new Arrival(Arrival.Person.of("Old Customer", "old@example.cn", null), null,
				Arrival.TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM"));
		long upload = upload("""
				姓名,邮箱,手机
				新人甲,a@example.cn,13800000001
				老客户,OLD@example.cn,
				新人乙,b@example.cn,
				没有联系方式,,
				新人甲又来了,,138-0000-0001
				坏邮箱,bad-email,
				新人丙,c@example.cn,
				""");

		ImportJob started = start(upload, false);
		then(worker.runOnce()).isTrue();

		ImportJob job = jobs.find(started.id()).orElseThrow();
		then(job.status()).isEqualTo(Status.SUCCEEDED);
		then(job.read()).isEqualTo(7);
		then(job.created()).isEqualTo(3);
		then(job.matched()).isEqualTo(1);
		then(job.duplicatesInFile()).isEqualTo(1);
		then(job.failed()).isEqualTo(2);
		then(job.percent()).isEqualTo(100.0);
		then(count("select count(*) from lead")).isEqualTo(4);
		List<RejectedRow> rejected = jobs.rejected(job.id(), 0, 100);
		then(rejected).extracting(RejectedRow::rowNo).containsExactly(4L, 6L);
		then(rejected.get(0).problems()).extracting(RowProblem::column).containsExactly("");
		then(rejected.get(1).problems()).extracting(RowProblem::column).containsExactly("邮箱");
		then(rejected.get(1).cells()).containsExactly("坏邮箱", "bad-email", "");
		then(events.stream(ImportFinished.class)).containsExactly(new ImportFinished(job.id(), job.seriesId(), "IMPORT",
				3, 1, 1, 2));
	}

	@Test
	void aJobResumesAfterACrashWithoutStoringARowTwice() {
		long upload = upload(rows(23));
		ImportJob started = start(upload, false);

		// the node dies while its 3rd batch (rows 11-15) is resolved but not committed
		worker.runOnce(3, true);
		ImportJob crashed = jobs.find(started.id()).orElseThrow();
		then(crashed.status()).isEqualTo(Status.RUNNING);
		then(crashed.position()).isEqualTo(10);
		then(count("select count(*) from touch")).isEqualTo(15);
		then(worker.runOnce()).as("the dead node's lease has not expired").isFalse();

		jdbc.update("update import_job set claimed_until = now() - interval '1 second'"); // the lease runs out
		then(worker.runOnce()).isTrue();

		ImportJob done = jobs.find(started.id()).orElseThrow();
		then(done.status()).isEqualTo(Status.SUCCEEDED);
		then(done.read()).isEqualTo(23);
		then(done.created()).isEqualTo(23);
		then(done.matched() + done.duplicatesInFile() + done.failed()).isZero();
		then(done.attempts()).isEqualTo(2);
		then(count("select count(*) from lead")).isEqualTo(23);
		then(count("select count(*) from touch")).isEqualTo(23);
		then(count("select count(*) from campaign_touch where lead_created")).isEqualTo(23);
	}

	@Test
	void aStoppedJobResumesFromItsLastCommittedBatch() {
		long upload = upload(rows(12));
		ImportJob started = start(upload, false);

		worker.runOnce(1, false);
		then(jobs.find(started.id()).orElseThrow().position()).isEqualTo(5);
		then(worker.runOnce()).isTrue();

		then(jobs.find(started.id()).orElseThrow().created()).isEqualTo(12);
		then(count("select count(*) from touch")).isEqualTo(12);
	}

	@Test
	void aDryRunChecksRowsAndStoresNothing() {
		long upload = upload("邮箱\na@example.cn\nnot-an-email\n\nb@example.cn\n");

		ImportJob started = start(upload, true);
		worker.runOnce();

		ImportJob job = jobs.find(started.id()).orElseThrow();
		then(job.status()).isEqualTo(Status.SUCCEEDED);
		then(job.read()).isEqualTo(3);
		then(job.failed()).isEqualTo(1);
		then(job.stored()).as("what the real run would store").isEqualTo(2);
		then(job.created()).isEqualTo(2);
		then(count("select count(*) from lead")).isZero();
		then(events.stream(ImportFinished.class)).isEmpty();
	}

	@Test
	void twoNodesNeverClaimTheSameJob() throws Exception {
		long upload = upload(rows(2));
		long first = start(upload, false).id();
		long second = start(upload, false).id();

		Optional<Long> other = tx.execute(status -> {
			Optional<Long> mine = jobs.claim("node-a", Duration.ofMinutes(1));
			then(mine).contains(first);
			// while node-a's transaction still holds the row lock, node-b skips it instead of waiting
			return CompletableFuture.supplyAsync(() -> tx.execute(s -> jobs.claim("node-b", Duration.ofMinutes(1)))).join();
		});

		then(other).contains(second);
	}

	@Test
	void aCancelledJobStops() {
		long upload = upload(rows(12));
		ImportJob started = start(upload, false);
		worker.runOnce(1, false);

		then(jobs.cancel(started.id())).isTrue();
		then(worker.runOnce()).isFalse();

		ImportJob job = jobs.find(started.id()).orElseThrow();
		then(job.status()).isEqualTo(Status.CANCELLED);
		then(job.position()).isEqualTo(5);
	}
}
