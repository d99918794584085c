package com.leadflow.benchmarks;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

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
import com.leadflow.campaigns.importing.RejectedRowsCsv;
import com.leadflow.campaigns.importing.Uploads;
import com.leadflow.core.privacy.PersonalDataCipher;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

/**
 * A CSV import through the whole path (upload, job, batches, lead pool resolution, attribution) against a raw
 * PostgreSQL {@code COPY} of the same file into a plain table, in one run. The file has {@code bench.importRows} rows
 * (default 1,000,000): 10% are people of a known set, 2% are bad rows. The same file is imported twice: into an empty
 * pool (the known people are created) and into a pool of {@code bench.poolSize} leads (default 1,000,000, bulk-loaded
 * as in {@link LeadPoolBenchmark}) that holds the known people (they are matched). Heap stays bounded: run with
 * {@code -Dbench.jvm=-Xmx256m} to prove it (the peak heap right after a collection is printed). The rejected-rows CSV
 * must list every bad row.
 * (A mock web environment: the app's security configuration needs a servlet context.)
 */
@Tag("benchmark")
@SpringBootTest(classes = LeadflowApplication.class, properties = { "leadflow.campaigns.import.worker-enabled=false" })
class ImportBenchmark {

	static final int ROWS = Integer.getInteger("bench.importRows", 1_000_000);

	static final int POOL_SIZE = Integer.getInteger("bench.poolSize", 1_000_000);

	/** People of the known set: one row in ten. */
	static final int KNOWN = ROWS / 10;

	@Autowired
	Uploads uploads;

	@Autowired
	ImportService imports;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportWorker worker;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PersonalDataCipher cipher;

	/** One import's figures; settling: until the other modules have scored and routed every arrival. */
	record Run(ImportJob job, double uploadSeconds, double runSeconds, double settleSeconds) {

		double rate() {
			return ROWS / (uploadSeconds + runSeconds);
		}

		double endToEndRate() {
			return ROWS / (uploadSeconds + runSeconds + settleSeconds);
		}
	}

	@Test
	void importRateAgainstRawCopyAndAsThePoolGrows() throws Exception {
		Path file = Files.createTempFile("import-bench", ".csv");
		try (HeapAfterGc heap = HeapAfterGc.watch()) {
			List<Long> badRows = generate(file);
			System.out.printf("generated %,d rows (%,d bytes, %,d bad)%n", ROWS, Files.size(file), badRows.size());
			double copyRate = ROWS / copy(file);
			double leadShapeRate = ROWS / copyIntoLeadShape(file);
			System.out.printf("COPY: %.0f rows/s, into a table shaped like lead: %.0f rows/s%n", copyRate, leadShapeRate);

			CleanDatabaseTestExecutionListener.truncateAll(jdbc);
			Run empty = importFile(file, "empty pool");
			then(empty.job().created()).isEqualTo(ROWS - badRows.size());
			then(empty.job().matched()).isZero();
			then(empty.job().failed()).isEqualTo(badRows.size());
			then(rejectedRowNumbers(empty.job())).isEqualTo(badRows);

			CleanDatabaseTestExecutionListener.truncateAll(jdbc);
			long loadStart = System.nanoTime();
			bulkLoad(POOL_SIZE);
			System.out.printf("bulk-loaded %,d leads in %.1f s%n", POOL_SIZE, (System.nanoTime() - loadStart) / 1e9);
			Run full = importFile(file, "pool of " + POOL_SIZE);
			then(full.job().created()).isEqualTo(ROWS - KNOWN - badRows.size());
			then(full.job().matched()).isEqualTo(KNOWN);
			then(full.job().duplicatesInFile()).isZero();
			then(full.job().failed()).isEqualTo(badRows.size());
			then(rejectedRowNumbers(full.job())).isEqualTo(badRows);
			then(jdbc.queryForObject("select count(*) from lead", Long.class)).isEqualTo(POOL_SIZE + full.job().created());

			String size = String.format("%,d rows, 10%% known people, 2%% bad", ROWS);
			BenchmarkReport.figure("ImportBenchmark", "CSV import, upload + job, empty pool (" + size + ")", empty.rate(), "rows/s");
			BenchmarkReport.figure("ImportBenchmark", "CSV import, upload + job, pool of " + POOL_SIZE + " leads (known people matched)",
					full.rate(), "rows/s");
			BenchmarkReport.figure("ImportBenchmark", "the same, until every row's lead is scored and routed (empty pool)",
					empty.endToEndRate(), "rows/s");
			BenchmarkReport.figure("ImportBenchmark", "the same, until every row's lead is scored and routed (pool of "
					+ POOL_SIZE + ")", full.endToEndRate(), "rows/s");
			BenchmarkReport.figure("ImportBenchmark", "  of which upload (read, count, store in chunks)", ROWS / full.uploadSeconds(), "rows/s");
			BenchmarkReport.figure("ImportBenchmark", "raw PostgreSQL COPY of the same file into a plain table", copyRate, "rows/s");
			BenchmarkReport.figure("ImportBenchmark", "raw COPY of the same file into a table shaped like lead (its 10 "
					+ "indexes, no identities, touches or attribution)", leadShapeRate, "rows/s");
			BenchmarkReport.figure("ImportBenchmark", "ratio import (pool of " + POOL_SIZE + ")/COPY", full.rate() / copyRate, "");
			BenchmarkReport.figure("ImportBenchmark", "ratio COPY into the lead shape/COPY", leadShapeRate / copyRate, "");
			BenchmarkReport.figure("ImportBenchmark", "ratio import full pool/empty pool", full.rate() / empty.rate(), "");
			BenchmarkReport.figure("ImportBenchmark", "peak heap, sum of per-pool peaks (an upper bound; max heap "
					+ Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB)", peakHeapMiB(), "MiB");
			BenchmarkReport.figure("ImportBenchmark", "peak heap in use right after a garbage collection", heap.peakMiB(),
					"MiB");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private Run importFile(Path file, String phase) throws Exception {
		Statements.reset(jdbc);
		long uploadStart = System.nanoTime();
		long uploadId;
		try (InputStream in = Files.newInputStream(file)) {
			uploadId = uploads.store(in, "bench.csv", null).uploadId();
		}
		double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
		long jobId = imports.start(new StartImport(uploadId, null, null, null, false, false, null)).id();
		long runStart = System.nanoTime();
		then(worker.runOnce()).isTrue();
		double runSeconds = (System.nanoTime() - runStart) / 1e9;
		ImportJob job = jobs.find(jobId).orElseThrow();
		System.out.printf("%s: %s in %.1f s upload + %.1f s job: %,d read, %,d created, %,d matched, %,d in-file "
				+ "duplicates, %,d failed%n", phase, job.status(), uploadSeconds, runSeconds, job.read(), job.created(),
				job.matched(), job.duplicatesInFile(), job.failed());
		then(job.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
		then(job.read()).isEqualTo(ROWS);
		double settleSeconds = EventBacklog.awaitDrained(jdbc);
		System.out.printf("%s: listeners done %.1f s after the job%n", phase, settleSeconds);
		Statements.print(jdbc, "import into " + phase);
		return new Run(job, uploadSeconds, runSeconds, settleSeconds);
	}

	/** The row numbers in the rejected-rows CSV as a user downloads it (first column after the header). */
	private List<Long> rejectedRowNumbers(ImportJob job) throws Exception {
		List<String> headers = uploads.find(job.uploadId()).orElseThrow().headers();
		Path csv = Files.createTempFile("import-bench-rejected", ".csv");
		try {
			try (OutputStream out = Files.newOutputStream(csv)) {
				RejectedRowsCsv.write(out, headers, after -> jobs.rejected(job.id(), after, 1000));
			}
			try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
				return lines.skip(1).map(line -> Long.valueOf(line.split(",", 2)[0])).toList();
			}
		}
		finally {
			Files.deleteIfExists(csv);
		}
	}

	/**
	 * Writes the file: every 50th row bad (an invalid e-mail and no phone), every tenth (row 5, 15, ...) a known
	 * person ({@code known<n>@bench.example}), the others new people; returns the bad rows' numbers.
	 */
	private static List<Long> generate(Path file) throws Exception {
		List<Long> bad = new ArrayList<>();
		int known = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("姓名,手机号,邮箱,公司,职位,城市\n");
			for (int i = 1; i <= ROWS; i++) {
				if (i % 50 == 0) {
					out.write("坏行 " + i + ",,not-an-email-" + i + ",某公司,,\n");
					bad.add((long) i);
				}
				else if (i % 10 == 5) {
					out.write("Known " + known + ",,known" + known + "@bench.example,,,\n");
					known++;
				}
				else {
					out.write("新客户 " + i + "," + String.format("139%08d", i) + ",new" + i + "@bench.example,Bench Company "
							+ (i % 5000) + " 有限公司,工程师,上海\n");
				}
			}
		}
		then(known).isEqualTo(KNOWN);
		return bad;
	}

	/** A pool of {@code size} leads (as {@link BulkPool#load}), the first {@link #KNOWN} being the file's known people. */
	private void bulkLoad(int size) throws Exception {
		BulkPool.load(jdbc, dataSource, cipher, size,
				n -> n < KNOWN ? "known" + n + "@bench.example" : "bulk" + n + "@bench.example",
				n -> "+86137" + String.format("%08d", n));
	}

	/** COPY of the same file into a plain table: the floor of what loading these bytes into PostgreSQL costs. */
	private double copy(Path file) throws Exception {
		return copy(file, "create table bench_copy (name text, mobile text, email text, company text, title text, city text)");
	}

	/**
	 * COPY of the same file into a table shaped like the pool's {@code lead} (its columns, defaults, identity and all
	 * of its indexes, the trigram index on names included) plus the file's other columns: what storing the rows as
	 * leads costs before any identity, touch or attribution is written, the ceiling of any import into this pool.
	 */
	private double copyIntoLeadShape(Path file) throws Exception {
		return copy(file, "create table bench_copy (like lead including all, mobile text, email text, company text)");
	}

	private double copy(Path file, String createTable) throws Exception {
		jdbc.execute("drop table if exists bench_copy");
		jdbc.execute(createTable);
		try (Connection c = dataSource.getConnection(); Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			long start = System.nanoTime();
			long copied = c.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy bench_copy (name, mobile, email, company, title, city) from stdin with (format csv, header true)", in);
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
