package com.leadflow.benchmarks;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Instant;
import java.util.List;


import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadflow.LeadflowApplication;
import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.CompanyInfo;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.LeadPool;
import com.leadflow.core.TouchAction;
import com.leadflow.core.privacy.PersonalDataCipher;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

/**
 * Resolve-and-append throughput of the lead pool into an empty pool and into a pool of 1,000,000 leads, in one run.
 * Each arrival carries an e-mail, a phone in one of several spellings, a company and a touch; one in five is a
 * person already in the pool. Sizes: -Dbench.arrivals (default 20000), -Dbench.poolSize (default 1000000).
 */
@Tag("benchmark")
@SpringBootTest(classes = LeadflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK) // security needs a web context
class LeadPoolBenchmark {

	static final int ARRIVALS = Integer.getInteger("bench.arrivals", 20_000);

	static final int POOL_SIZE = Integer.getInteger("bench.poolSize", 1_000_000);

	static final int THREADS = Integer.getInteger("bench.threads", 4);

	@Autowired
	LeadPool pool;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PersonalDataCipher cipher;

	@Test
	void arrivalsPerSecondStayFlatAsThePoolGrows() throws Exception {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		run("warmup", 3_000, "+86137", existing -> "warm" + existing + "@bench.example");
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);

		double empty = run("empty", ARRIVALS, "+86138", existing -> "a" + existing + "@bench.example");

		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		long loadStart = System.nanoTime();
		bulkLoad(POOL_SIZE);
		System.out.printf("bulk-loaded %,d leads in %.1f s%n", POOL_SIZE, (System.nanoTime() - loadStart) / 1e9);
		double full = run("full", ARRIVALS, "+86136", existing -> "bulk" + (1 + existing * 37 % POOL_SIZE) + "@bench.example");

		BenchmarkReport.figure("LeadPoolBenchmark", "resolve-and-append, empty pool (" + THREADS + " threads)", empty, "arrivals/s");
		BenchmarkReport.figure("LeadPoolBenchmark", "resolve-and-append, pool of " + POOL_SIZE + " leads", full, "arrivals/s");
		BenchmarkReport.figure("LeadPoolBenchmark", "ratio full/empty", full / empty, "");
		then(jdbc.queryForObject("select count(*) from lead where merged_into is null", Long.class))
			.isGreaterThanOrEqualTo(POOL_SIZE);
	}

	/** Runs n arrivals on THREADS threads; one in five is an existing person (its e-mail from {@code existing}). */
	private double run(String phase, int n, String phonePrefix, java.util.function.IntFunction<String> existing)
			throws Exception {
		String[] spellings = { "%s", "%s", "00%s", "%s" };
		double rate = n / Workers.run(THREADS, n, i -> {
			boolean repeat = i % 5 == 4;
			String email = repeat ? existing.apply(i) : phase + i + "@bench.example";
			String phone = repeat ? null
					: String.format(spellings[i % 4], (phonePrefix + String.format("%08d", i)).substring(i % 4 == 2 ? 1 : 0));
			Person person = new Person("Bench Person " + i, "Engineer", null, List.of(email),
					phone == null ? List.of() : List.of(phone), null, null, null, "华东", null, null, null, null, null,
					null, null);
			pool.resolve(new Arrival(person, new CompanyInfo("Bench Company " + (i % 5000) + " Ltd", "Manufacturing",
					"100-499", "华东"), TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "API"));
		});
		System.out.printf("%s: %,d arrivals at %.0f arrivals/s%n", phase, n, rate);
		jdbc.queryForList("""
				select indexrelname, idx_scan, idx_tup_read from pg_stat_user_indexes
				order by idx_tup_read desc limit 6""")
			.forEach(row -> System.out.println("  scans after " + phase + ": " + row));
		return rate;
	}

	private void bulkLoad(int size) throws Exception {
		BulkPool.load(jdbc, dataSource, cipher, size, n -> "bulk" + (n + 1) + "@bench.example",
				n -> "+86139" + String.format("%08d", n + 1));
	}
}
