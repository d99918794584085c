package com.leadflow.campaigns.web;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.leadflow.LeadflowApplication;
import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.LeadPool;
import com.leadflow.core.TouchAction;
import com.leadflow.testsupport.TestDatabase;

/**
 * Kills the app (SIGKILL, a separate JVM) in the middle of an import and starts it again on the same database: the
 * restarted app finishes the job, every row counted once, no lead or touch lost or doubled. This JVM only uploads and
 * starts the job (its own import worker is off).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "leadflow.campaigns.import.worker-enabled=false")
class ImportAfterKillTests extends ApiTestSupport {

	static final int ROWS = 3000;

	@Autowired
	LeadPool pool;

	@Autowired
	DataSource dataSource;

	/**
	 * Row i: every 50th bad (invalid e-mail, no phone); i % 10 == 5 a person already in the pool; i % 25 == 3 the
	 * person of the row before again (a duplicate inside the file); the others new people.
	 */
	static String file(List<Long> badRows) {
		StringBuilder csv = new StringBuilder("姓名,手机号,邮箱\n");
		int known = 0;
		for (int i = 1; i <= ROWS; i++) {
			if (i % 50 == 0) {
				csv.append("坏行 ").append(i).append(",,bad-").append(i).append('\n');
				badRows.add((long) i);
			}
			else if (i % 10 == 5) {
				csv.append("老客户 ").append(known).append(",,known").append(known++).append("@example.cn\n");
			}
			else {
				int person = i % 25 == 3 ? i - 1 : i;
				csv.append("新客户 ").append(person).append(',').append(String.format("1370000%04d", person))
					.append(",new").append(person).append("@example.cn\n");
			}
		}
		return csv.toString();
	}

	@Test
	void killingTheAppMidImportAndRestartingFinishesTheJobWithNoLostAndNoDoubledRows() throws Exception {
		for (int k = 0; k < ROWS / 10; k++) {
			pool.resolve(new Arrival(Person.of("老客户 " + k, "known" + k + "@example.cn", null), null,
					TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM"));
		}
		List<Long> badRows = new ArrayList<>();
		long uploadId = upload("名单.csv", file(badRows).getBytes(StandardCharsets.UTF_8), null).getBody().path("uploadId")
			.asLong();
		long jobId = post("/api/imports/jobs", Map.of("uploadId", uploadId)).getBody().path("id").asLong();

		// when: an app node runs the job and is killed after a few committed batches, in the middle of a batch: the
		// job's row is locked, so the node stores its next batch in the pool but cannot commit the batch to the job
		// (a batch is resolved in one transaction now: between it and the job's commit there is no time to catch)
		Process first = startNode("first");
		try (Connection lock = dataSource.getConnection()) {
			await(Duration.ofMinutes(3), () -> position(jobId) >= 500, "the first node to commit 500 rows");
			lock.setAutoCommit(false);
			try (Statement s = lock.createStatement()) {
				s.execute("select id from import_job where id = " + jobId + " for update");
			}
			await(Duration.ofMinutes(1), () -> uncommitted(jobId) > 0,
					"the first node to store a batch it cannot commit to the job");
			first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			lock.rollback();
		}
		finally {
			first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		long positionAtKill = position(jobId);
		then(positionAtKill).isLessThan(ROWS);
		then(uncommitted(jobId)).as("touches of rows after the committed position").isPositive();
		then(jdbc.queryForObject("select status from import_job where id = ?", String.class, jobId)).isEqualTo("RUNNING");

		// and the app is started again
		Process second = startNode("second");
		try {
			await(Duration.ofMinutes(3), () -> "SUCCEEDED".equals(
					jdbc.queryForObject("select status from import_job where id = ?", String.class, jobId)),
					"the restarted node to finish the job");
		}
		finally {
			second.destroy();
			if (!second.waitFor(30, TimeUnit.SECONDS)) {
				second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}

		// then: every row counted exactly once
		var job = get("/api/imports/jobs/" + jobId);
		then(job.path("read").asLong()).isEqualTo(ROWS);
		then(job.path("created").asLong()).isEqualTo(2520);
		then(job.path("matched").asLong()).isEqualTo(300);
		then(job.path("duplicatesInFile").asLong()).isEqualTo(120);
		then(job.path("failed").asLong()).isEqualTo(60);
		then(job.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
		then(count("select count(*) from lead")).isEqualTo(300 + 2520);
		then(count("select count(*) from touch where idempotency_key like 'import:" + jobId + ":%'")).isEqualTo(2940);
		then(count("select count(*) from campaign_touch where import_job_id = " + jobId)).isEqualTo(2940);
		then(count("select count(*) from campaign_touch where lead_created and import_job_id = " + jobId)).isEqualTo(2520);
		then(jdbc.queryForList("select row_no from import_row_error where job_id = ? order by row_no", Long.class, jobId))
			.isEqualTo(badRows);
	}

	long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	/** Touches of rows after the job's committed position: stored by a batch that did not commit. */
	long uncommitted(long jobId) {
		return jdbc.queryForObject("""
				select count(*) from touch where idempotency_key like 'import:' || ? || ':%'
				   and split_part(idempotency_key, ':', 3)::bigint > (select position from import_job where id = ?)""",
				Long.class, jobId, jobId);
	}

	long position(long jobId) {
		return jdbc.queryForObject("select position from import_job where id = ?", Long.class, jobId);
	}

	/** The app in a JVM of its own, on this test's database and keys, running imports in small batches. */
	Process startNode(String name) throws Exception {
		TestDatabase.Coordinates db = TestDatabase.get();
		Path log = Files.createTempFile("import-node-" + name, ".log");
		log.toFile().deleteOnExit();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				LeadflowApplication.class.getName(), "--leadflow.test.db.skip=true", "--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
				"--leadflow.crypto.key-file=" + TestDatabase.keyFile(), "--server.port=0",
				"--leadflow.campaigns.import.batch-size=50", "--leadflow.campaigns.import.lease=3s",
				"--leadflow.campaigns.import.poll-interval=200ms");
		System.out.println("starting import node " + name + ", log: " + log);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
			.directory(new File(System.getProperty("java.io.tmpdir"))).start();
	}

	static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("timed out waiting for " + what);
			}
			Thread.sleep(200);
		}
	}
}
