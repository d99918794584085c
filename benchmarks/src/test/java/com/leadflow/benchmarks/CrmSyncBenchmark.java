package com.leadflow.benchmarks;

import static org.assertj.core.api.BDDAssertions.then;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.LeadflowApplication;
import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.LeadPool;
import com.leadflow.core.TouchAction;
import com.leadflow.crmsync.metrics.LifecycleMetrics;
import com.leadflow.crmsync.outbox.Outbox;
import com.leadflow.crmsync.outbox.OutboxWorker;
import com.leadflow.crmsync.outbox.Peer;
import com.leadflow.crmsync.routing.BandRouter;
import com.leadflow.scoring.FitGrade;
import com.leadflow.scoring.LeadBandChanged;
import com.leadflow.scoring.ScoreBand;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;
import com.sun.net.httpserver.HttpServer;

/**
 * crm-sync's hot paths: outbox delivery to a local HTTP peer (messages/s, several workers claiming with SKIP LOCKED),
 * routing of Hot leads (band change → MQL, assignment, SDR queue, call task in the outbox), and the metrics query over a
 * large stage history. Sizes: -Dbench.outboxMessages (default 20000), -Dbench.routedLeads (default 2000),
 * -Dbench.historyLeads (default 100000).
 */
@Tag("benchmark")
@SpringBootTest(classes = LeadflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK) // security needs a web context
class CrmSyncBenchmark {

	static final int MESSAGES = Integer.getInteger("bench.outboxMessages", 20_000);

	static final int ROUTED = Integer.getInteger("bench.routedLeads", 2_000);

	static final int HISTORY_LEADS = Integer.getInteger("bench.historyLeads", 100_000);

	static final int THREADS = Integer.getInteger("bench.threads", 4);

	/** The peer: answers every request 200 at once (started before the context reads its URL). */
	static final HttpServer peer = startPeer();

	static HttpServer startPeer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
			server.createContext("/", exchange -> {
				exchange.getRequestBody().readAllBytes();
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return server;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@AfterAll
	static void stop() {
		peer.stop(0);
	}

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("leadflow.crm-sync.background-jobs", () -> "false");
		registry.add("leadflow.crm-sync.crm.base-url", () -> "http://127.0.0.1:" + peer.getAddress().getPort());
		registry.add("leadflow.crm-sync.call-center.base-url", () -> "http://127.0.0.1:" + peer.getAddress().getPort());
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxWorker worker;

	@Autowired
	BandRouter router;

	@Autowired
	LeadPool pool;

	@Autowired
	LifecycleMetrics metrics;

	@Test
	void outboxDelivery() throws Exception {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		for (int batch = 0; batch < MESSAGES; batch += 1000) {
			int from = batch;
			tx.executeWithoutResult(s -> {
				for (int i = from; i < Math.min(from + 1000, MESSAGES); i++) {
					outbox.enqueue(1 + i % 2000, Peer.CRM, "bench", "PUT", "/contacts/" + (1 + i % 2000),
							Map.of("seq", i, "name", "Lead " + i, "timeline", List.of("FORM_SUBMIT", "WEBINAR_ATTEND")));
				}
			});
		}
		long start = System.nanoTime();
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		List<Future<Integer>> results = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			results.add(threads.submit(() -> {
				int n = 0;
				while (pending() > 0) {
					n += worker.deliverDue();
				}
				return n;
			}));
		}
		int delivered = 0;
		for (Future<Integer> f : results) {
			delivered += f.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		threads.shutdown();
		then(delivered).isEqualTo(MESSAGES);
		BenchmarkReport.figure("CrmSyncBenchmark", "outbox delivery to a local HTTP peer, " + MESSAGES + " messages of 2,000 leads, "
				+ THREADS + " workers", MESSAGES / seconds, "messages/s");
	}

	long pending() {
		return jdbc.queryForObject("select count(*) from outbox_message where status <> 'DELIVERED'", Long.class);
	}

	@Test
	void routingOfHotLeads() throws InterruptedException {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		List<Long> leads = new ArrayList<>();
		for (int i = 0; i < ROUTED; i++) {
			leads.add(pool.resolve(new Arrival(Person.of("Routed " + i, "routed." + i + "@example.com", null), null,
					new TouchInput(TouchAction.FORM_SUBMIT, "WEB_FORM", null, Instant.now(), null, null,
							Map.of("consent", Map.of("purposes", List.of("CALLS"), "textVersion", "bench")), null),
					"API")).leadId());
		}
		// let scoring and routing of the arrivals finish first (Cool → NURTURING), so only the Hot routing is timed
		while (jdbc.queryForObject("select count(*) from event_publication", Long.class) > 0) {
			Thread.sleep(100);
		}
		long start = System.nanoTime();
		for (long lead : leads) {
			router.route(new LeadBandChanged(lead, "default", ScoreBand.WARM, ScoreBand.HOT, 320, FitGrade.A));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		then(jdbc.queryForObject("select count(*) from sdr_queue_entry", Long.class)).isEqualTo(ROUTED);
		then(jdbc.queryForObject("select count(*) from outbox_message where kind = 'call-task'", Long.class))
			.isEqualTo(ROUTED);
		BenchmarkReport.figure("CrmSyncBenchmark", "Hot lead routed (lock, MQL move + history, assignment, SDR queue, call "
				+ "task with dossier in the outbox), 1 thread", ROUTED / seconds, "leads/s");
	}

	@Test
	void metricsOverALargeHistory() {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		// per lead: NEW → NURTURING → MQL → SAL → SQL, every 5th recycled after SQL
		jdbc.update("""
				insert into lead_stage_history (lead_id, from_stage, to_stage, actor, occurred_at)
				select l, s.from_stage, s.to_stage, s.actor, timestamptz '2025-01-01' + (l % 300) * interval '1 day' + s.after
				from generate_series(1, ?) l
				cross join (values ('NEW', 'NURTURING', 'system:routing', interval '0'),
				                   ('NURTURING', 'MQL', 'system:routing', interval '20 days'),
				                   ('MQL', 'SAL', 'sdr-1', interval '21 days'),
				                   ('SAL', 'SQL', 'sdr-1', interval '22 days')) s(from_stage, to_stage, actor, after)
				order by l, s.after""", HISTORY_LEADS);
		jdbc.update("""
				insert into lead_stage_history (lead_id, from_stage, to_stage, reason, actor, occurred_at)
				select l, 'SQL', 'RECYCLED', 'BUDGET', 'crm', timestamptz '2025-01-01' + (l % 300) * interval '1 day' + interval '30 days'
				from generate_series(5, ?, 5) l""", HISTORY_LEADS);
		jdbc.update("""
				insert into lead_lifecycle (lead_id, stage, updated_at)
				select l, case when l % 5 = 0 then 'RECYCLED' else 'SQL' end, now() from generate_series(1, ?) l""",
				HISTORY_LEADS);
		jdbc.execute("analyze lead_stage_history");
		jdbc.execute("analyze lead_lifecycle");
		metrics.compute(); // warm-up
		int runs = 5;
		long start = System.nanoTime();
		LifecycleMetrics.Metrics last = null;
		for (int i = 0; i < runs; i++) {
			last = metrics.compute();
		}
		double ms = (System.nanoTime() - start) / 1e6 / runs;
		then(last.recycled().recycled()).isEqualTo(HISTORY_LEADS / 5);
		BenchmarkReport.figure("CrmSyncBenchmark", "GET /api/lifecycle/metrics computation over " + HISTORY_LEADS
				+ " leads' history (" + (HISTORY_LEADS * 4 + HISTORY_LEADS / 5) + " moves)", ms, "ms");
	}
}
