package com.leadflow.benchmarks;

import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.api.BDDAssertions.then;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadflow.LeadflowApplication;
import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.ingestion.IngestionService;
import com.leadflow.campaigns.ingestion.IngestionService.Ingest;
import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.TouchAction;
import com.leadflow.core.privacy.PersonalDataCipher;
import com.leadflow.core.LeadPool;
import com.leadflow.scoring.ScoringService;
import com.leadflow.scoring.bulk.ModelActivation;
import com.leadflow.scoring.bulk.ScoringJob;
import com.leadflow.scoring.bulk.ScoringJobs;
import com.leadflow.scoring.engine.Auc;
import com.leadflow.scoring.engine.CompiledModel;
import com.leadflow.scoring.engine.ScoringEngine;
import com.leadflow.scoring.model.DefaultModels;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

/**
 * Scoring: AUC of the shipped default model on the real X Education leads (behaviour columns only), touches scored
 * per second by the engine alone, leads re-scored per second by the bulk job, and incremental re-scores per second
 * (what each pool event costs). Sizes: -Dbench.scoringLeads (default 100000), -Dbench.rescores (default 20000).
 */
@Tag("benchmark")
@SpringBootTest(classes = LeadflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK) // security needs a web context
class ScoringBenchmark {

	static final int LEADS = Integer.getInteger("bench.scoringLeads", 100_000);

	static final int RESCORES = Integer.getInteger("bench.rescores", 20_000);

	static final int THREADS = Integer.getInteger("bench.threads", 4);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LeadPool pool;

	@Autowired
	ScoringService scoring;

	@Autowired
	ModelActivation activation;

	@Autowired
	ScoringJobs jobs;

	@Autowired
	IngestionService ingestion;

	@Autowired
	DataSource dataSource;

	@Autowired
	PersonalDataCipher cipher;

	@Test
	void defaultModelRanksRealLeadsByConversion() throws Exception {
		Optional<Path> csv = XEducationLeads.locate();
		assumeThat(csv).as("x-education-leads.csv not found in ../shared/data/ beside the repository: AUC not measured")
			.isPresent();
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		List<XEducationLeads.Row> rows = XEducationLeads.read(csv.get(), now);
		CompiledModel model = CompiledModel.compile(0, "default", 1, DefaultModels.definition());

		double[] scores = new double[rows.size()];
		boolean[] converted = new boolean[rows.size()];
		long touches = 0;
		for (int i = 0; i < rows.size(); i++) {
			var row = rows.get(i);
			scores[i] = ScoringEngine.score(model, row.lead(), row.touches(), now, null).groups().getFirst().total();
			converted[i] = row.converted();
			touches += row.touches().size();
		}
		double auc = Auc.of(scores, converted);

		// engine alone: score every row 20 times
		long start = System.nanoTime();
		long checksum = 0;
		for (int round = 0; round < 20; round++) {
			for (var row : rows) {
				checksum += ScoringEngine.score(model, row.lead(), row.touches(), now, null).groups().getFirst().total();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;

		double[] minutes = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			minutes[i] = rows.get(i).touches().stream().filter(t -> t.minutes() != null).mapToInt(t -> t.minutes()).sum();
		}
		double baseline = Auc.of(minutes, converted);
		System.out.printf("AUC default model %.4f, time on website alone %.4f%n", auc, baseline);
		BenchmarkReport.figure("ScoringBenchmark", "AUC x100 of the default model vs Converted, X Education ("
				+ rows.size() + " leads, behaviour columns only)", auc * 100, "");
		BenchmarkReport.figure("ScoringBenchmark", "AUC x100 of time on website alone (reference), same leads",
				baseline * 100, "");
		BenchmarkReport.figure("ScoringBenchmark", "engine alone, touches scored (1 thread)", touches * 20 / seconds,
				"touches/s");
		then(auc).isBetween(0.5, 1.0);
		then(checksum).isPositive();
	}

	@Test
	void bulkAndIncrementalRescoring() throws Exception {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		load(LEADS);
		long touches = jdbc.queryForObject("select count(*) from touch", Long.class);

		long start = System.nanoTime();
		ScoringJob job = activation.rescoreAll();
		ScoringJob done;
		do {
			Thread.sleep(100);
			done = jobs.byId(job.id()).orElseThrow();
		}
		while (!done.status().equals("DONE") && !done.status().equals("FAILED"));
		double bulkSeconds = (System.nanoTime() - start) / 1e9;
		then(done.status()).isEqualTo("DONE");
		then(done.processed()).isEqualTo(LEADS);
		// every lead got its first band: routing, lifecycle, nurture and the read model react to each change
		double drainedSeconds = bulkSeconds + EventBacklog.awaitDrained(jdbc);

		List<Long> ids = pool.activeLeadIdsAfter(0, LEADS);
		double incSeconds = Workers.run(THREADS, RESCORES,
				i -> scoring.rescore(ids.get((int) ((i * 7919L) % ids.size()))));

		BenchmarkReport.figure("ScoringBenchmark", "bulk re-score job, " + LEADS + " leads with " + touches / LEADS
				+ " touches each", LEADS / bulkSeconds, "leads/s");
		BenchmarkReport.figure("ScoringBenchmark", "the same, until every band change has been routed (lifecycle, "
				+ "nurture; the read model catches up on its own)", LEADS / drainedSeconds, "leads/s");
		BenchmarkReport.figure("ScoringBenchmark", "incremental re-score (what one pool event costs, " + THREADS
				+ " threads)", RESCORES / incSeconds, "re-scores/s");
		BenchmarkReport.figure("ScoringBenchmark", "incremental path, touches scored (" + THREADS + " threads)",
				RESCORES * (double) touches / LEADS / incSeconds, "touches/s");
		then(jdbc.queryForObject("select count(*) from lead_score", Long.class)).isEqualTo(LEADS);
	}

	/**
	 * The incremental path end to end, as channels feed it: {@code bench.ingestTouches} touches (default 200,000) on
	 * {@code bench.ingestLeads} scored leads (default 20,000), sent through the ingestion API's service in batches of
	 * 1,000 from {@code bench.ingestThreads} threads (default 2), until every lead's new score is stored and every
	 * resulting band change has been routed. An unmeasured warm-up goes first ({@link #warmUp}): at least {@code
	 * bench.warmupTouches} touches (default 400,000) in rounds of half the measured touches on half as many other
	 * leads, then more rounds until the JIT compiler threads are nearly idle (at most {@code bench.warmupRounds},
	 * default 10). Without it the compilers took about 40% of the JVM's CPU time of the measured span; after 400,000
	 * touches still a quarter of it on two slow cores (C2 compiles methods run once or twice per batch late).
	 */
	@Test
	void touchesIngestedAndScoredEndToEnd() throws Exception {
		int leads = Integer.getInteger("bench.ingestLeads", 20_000);
		int total = Integer.getInteger("bench.ingestTouches", 200_000);
		int threadCount = Integer.getInteger("bench.ingestThreads", 2);
		int warmup = Integer.getInteger("bench.warmupTouches", 400_000);
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		int warmupRounds = Integer.getInteger("bench.warmupRounds", 10);
		int roundLeads = leads / 2; // as many touches per lead in a warm-up round as in the measured span
		BulkPool.load(jdbc, dataSource, cipher, leads + warmupRounds * roundLeads, n -> "scored" + n + "@bench.example",
				n -> "+86136" + String.format("%08d", n));
		ScoringJob job = activation.rescoreAll();
		while (!jobs.byId(job.id()).orElseThrow().status().equals("DONE")) {
			Thread.sleep(200);
		}
		EventBacklog.awaitDrained(jdbc);
		warmUp(threadCount, total / 2, warmup / (total / 2), warmupRounds, leads, roundLeads);
		EventBacklog.awaitReadModel(jdbc);
		Statements.reset(jdbc);
		Instant startedAt = Instant.now();
		MachineCpu cpu = MachineCpu.start();

		double ingestSeconds = ingestTouches(threadCount, total, 0, leads, "bench-");
		double endToEndSeconds = ingestSeconds + EventBacklog.awaitDrained(jdbc);
		if (cpu != null) {
			cpu.report("ScoringBenchmark", "end to end", total, 1000, "touches");
		}
		double readModelSeconds = endToEndSeconds + EventBacklog.awaitReadModel(jdbc);
		Statements.print(jdbc, "touches ingested and scored end to end");
		then(jdbc.queryForObject("select count(*) from touch where idempotency_key like 'ingest:bench-%'", Long.class))
			.isEqualTo((long) total);
		then(jdbc.queryForObject("select count(*) from lead_score where scored_at < ? and lead_id in "
				+ "(select id from lead order by id limit ?)", Long.class, java.sql.Timestamp.from(startedAt), leads))
			.as("leads whose score missed their new touches").isZero();
		BenchmarkReport.figure("ScoringBenchmark", String.format("touches ingested (batches of 1,000, %d threads) on %,d "
				+ "scored leads, until stored", threadCount, leads), total / ingestSeconds, "touches/s");
		BenchmarkReport.figure("ScoringBenchmark", "the same, end to end: until every lead is re-scored and every band "
				+ "change routed", total / endToEndSeconds, "touches/s");
		BenchmarkReport.figure("ScoringBenchmark", "the same, until the analytics read model has caught up too",
				total / readModelSeconds, "touches/s");
	}

	/**
	 * Warms the JVM up on other leads than the measured ones: rounds of {@code touches} touches, each on {@code
	 * roundLeads} leads no round touched before (so every round meets leads as the measured span does: first band
	 * changes, routing, nurture; leads warmed up for long all end Hot, and the compiled code would leave out the
	 * paths the measured span takes, to compile them again there). At least {@code minRounds} rounds, then more
	 * while the JIT compiler threads took over 5% of the JVM's CPU time in a round, at most {@code maxRounds}.
	 */
	private void warmUp(int threadCount, int touches, int minRounds, int maxRounds, int firstLead, int roundLeads)
			throws Exception {
		double share = 1;
		for (int round = 0; round < maxRounds && (round < minRounds || share > 0.05); round++) {
			double jit = MachineCpu.jitCpuSeconds();
			long jvm = MachineCpu.jvmNanos();
			double seconds = ingestTouches(threadCount, touches, firstLead + round * roundLeads, roundLeads,
					"warmup" + round + "-");
			seconds += EventBacklog.awaitDrained(jdbc);
			share = (MachineCpu.jitCpuSeconds() - jit) / ((MachineCpu.jvmNanos() - jvm) / 1e9);
			System.out.printf("warm-up round %d: %,d touches on %,d new leads in %.1f s, JIT compiler threads %.1f%% "
					+ "of the JVM's CPU%n", round, touches, roundLeads, seconds, 100 * share);
		}
	}

	/**
	 * Sends {@code count} touches (of 8 kinds, spread over the leads {@code firstLead} to {@code firstLead + leads - 1}
	 * of {@link BulkPool}) through the ingestion service in batches of 1,000; returns the seconds it took.
	 */
	private double ingestTouches(int threadCount, int count, int firstLead, int leads, String keyPrefix)
			throws Exception {
		TouchAction[] actions = { TouchAction.PAGE_VIEW, TouchAction.EMAIL_OPEN, TouchAction.PAGE_VIEW,
				TouchAction.EMAIL_CLICK, TouchAction.WECHAT_FOLLOW, TouchAction.PAGE_VIEW, TouchAction.EMAIL_OPEN,
				TouchAction.WHITEPAPER_DOWNLOAD };
		return Workers.run(threadCount, count / 1000, b -> {
			List<Ingest> batch = new ArrayList<>(1000);
			for (int i = 0; i < 1000; i++) {
				long n = (long) b * 1000 + i;
				int lead = firstLead + (int) ((n * 7919) % leads);
				TouchAction action = actions[(int) (n % actions.length)];
				batch.add(new Ingest(null, Channel.EDM, new Arrival(Person.of(null, "scored" + lead + "@bench.example", null),
						null, new TouchInput(action, null, null, null, null, "content-" + (n % 7), null, keyPrefix + n),
						null)));
			}
			then(ingestion.ingestAll(batch)).allMatch(r -> !r.rejected());
		});
	}

	/** n leads with 8 touches each over the last 120 days (webinars with minutes, downloads, page views, e-mails). */
	private void load(int n) {
		jdbc.update("""
				insert into lead (name, title, region, created_at)
				select 'Scoring Bench ' || g, case when g % 3 = 0 then 'IT Director' else 'Engineer' end, '华东',
				       now() - interval '120 days'
				from generate_series(1, ?) g""", n);
		jdbc.update("""
				insert into touch (lead_id, recorded_lead_id, action, channel, occurred_at, minutes)
				select l.id, l.id, (array['PAGE_VIEW','EMAIL_OPEN','WHITEPAPER_DOWNLOAD','WEBINAR_ATTEND','EMAIL_CLICK',
				                          'PAGE_VIEW','WECHAT_FOLLOW','FORM_SUBMIT'])[k],
				       'WEB', now() - make_interval(days => ((l.id * 31 + k * 17) % 120)::int),
				       case when k = 4 then ((l.id % 6) * 10)::int end
				from lead l, generate_series(1, 8) k""");
		jdbc.execute("analyze");
	}
}
