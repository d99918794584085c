package com.leadflow.benchmarks;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadflow.LeadflowApplication;
import com.leadflow.campaigns.importing.ImportJob;
import com.leadflow.campaigns.importing.ImportJobs;
import com.leadflow.campaigns.importing.ImportService;
import com.leadflow.campaigns.importing.ImportService.StartImport;
import com.leadflow.campaigns.importing.ImportWorker;
import com.leadflow.campaigns.importing.Uploads;
import com.leadflow.core.Arrival;
import com.leadflow.core.LeadPool;
import com.leadflow.core.TouchAction;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

/**
 * A CSV import through the whole path (upload, job, batches, lead pool resolution, attribution) against a raw
 * PostgreSQL {@code COPY} of the same file into a plain table, in one run. The file has {@code bench.importRows} rows
 * (default 1,000,000): 10% are people already in the pool, 2% are bad rows. Heap stays bounded: run with
 * {@code -Dbench.jvm=-Xmx256m} to prove it (the peak heap is printed).
 */
@Tag("benchmark")
@SpringBootTest(classes = LeadflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "leadflow.campaigns.import.worker-enabled=false" })
class ImportBenchmark {

	static final int ROWS = Integer.getInteger("bench.importRows", 1_000_000);

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
	DataSource dataSource;

	@Test
	void importRateAgainstRawCopy() throws Exception {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		int existing = ROWS / 10;
		long seedStart = System.nanoTime();
		seedExisting(existing);
		System.out.printf("seeded %,d existing leads in %.1f s%n", existing, (System.nanoTime() - seedStart) / 1e9);
		Path file = Files.createTempFile("import-bench", ".csv");
		try {
			int bad = generate(file, existing);
			System.out.printf("generated %,d rows (%,d bytes, %d bad)%n", ROWS, Files.size(file), bad);

			long uploadStart = System.nanoTime();
			long uploadId;
			try (InputStream in = Files.newInputStream(file)) {
				uploadId = uploads.store(in, "bench.csv", null).uploadId();
			}
			double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
			long jobId = imports.start(new StartImport(uploadId, null, null, null, false, null)).id();
			long runStart = System.nanoTime();
			then(worker.runOnce()).isTrue();
			double runSeconds = (System.nanoTime() - runStart) / 1e9;
			ImportJob job = jobs.find(jobId).orElseThrow();
			System.out.printf("import: %s, %,d read, %,d created, %,d matched, %,d in-file duplicates, %,d failed%n",
					job.status(), job.read(), job.created(), job.matched(), job.duplicatesInFile(), job.failed());
			then(job.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
			then(job.read()).isEqualTo(ROWS);
			then(job.failed()).isEqualTo(bad);
			then(job.matched()).isEqualTo(existing);

			double copySeconds = copy(file);
			double importRate = ROWS / (uploadSeconds + runSeconds);
			double copyRate = ROWS / copySeconds;
			String size = String.format("%,d rows", ROWS);
			BenchmarkReport.figure("ImportBenchmark", "CSV import, upload + job (" + size + ", 10% existing, 2% bad)",
					importRate, "rows/s");
			BenchmarkReport.figure("ImportBenchmark", "  of which upload (read, count, store)", ROWS / uploadSeconds,
					"rows/s");
			BenchmarkReport.figure("ImportBenchmark", "raw PostgreSQL COPY of the same file", copyRate, "rows/s");
			BenchmarkReport.figure("ImportBenchmark", "ratio import/COPY", importRate / copyRate, "");
			BenchmarkReport.figure("ImportBenchmark", "peak heap, sum of pool peaks (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
					+ " MiB)", peakHeapMiB(), "MiB");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** People already in the pool, through the pool's API (4 threads). */
	private void seedExisting(int n) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int first = t;
			done.add(threads.submit(() -> {
				for (int i = first; i < n; i += 4) {
					pool.resolve(new Arrival(Arrival.Person.of("Existing " + i, "existing" + i + "@bench.example", null),
							null, Arrival.TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM"));
				}
				return null;
			}));
		}
		for (Future<?> f : done) {
			f.get();
		}
		threads.shutdown();
	}

	/** Writes the file: one row in ten an existing person, every 50th a bad row; returns the bad-row count. */
	private static int generate(Path file, int existing) throws Exception {
		int bad = 0;
		int nextExisting = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("姓名,手机号,邮箱,公司,职位,城市\n");
			for (int i = 1; i <= ROWS; i++) {
				if (i % 50 == 0) {
					out.write("坏行 " + i + ",,not-an-email-" + i + ",某公司,,\n");
					bad++;
				}
				else if (i % 10 == 5 && nextExisting < existing) {
					out.write("Existing " + nextExisting + ",,existing" + nextExisting + "@bench.example,,,\n");
					nextExisting++;
				}
				else {
					out.write("新客户 " + i + "," + String.format("139%08d", i) + ",new" + i + "@bench.example,Bench Company "
							+ (i % 5000) + " 有限公司,工程师,上海\n");
				}
			}
		}
		if (nextExisting < existing) {
			throw new IllegalStateException("file too small for " + existing + " existing people");
		}
		return bad;
	}

	/** COPY of the same file into a plain table: the floor of what loading these bytes into PostgreSQL costs. */
	private double copy(Path file) throws Exception {
		jdbc.execute("drop table if exists bench_copy");
		jdbc.execute("create unlogged table bench_copy (name text, mobile text, email text, company text, title text, city text)");
		try (Connection c = dataSource.getConnection(); Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			long start = System.nanoTime();
			long copied = c.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy bench_copy from stdin with (format csv, header true)", in);
			double seconds = (System.nanoTime() - start) / 1e9;
			then(copied).isEqualTo(ROWS);
			return seconds;
		}
		finally {
			jdbc.execute("drop table if exists bench_copy");
		}
	}

	private static double peakHeapMiB() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (double) (1 << 20);
	}
}
