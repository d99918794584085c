package com.leadflow.crmsync.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.BDDAssertions.then;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.leadflow.LeadflowApplication;
import com.leadflow.crmsync.CrmSyncHttpTestBase;

/**
 * Two application instances on one database, each started on its own (own beans, connection pool and HTTP clients),
 * deliver the same outbox at once; the receiver sees every message exactly once, in order per lead.
 */
class TwoInstancesOutboxTests extends CrmSyncHttpTestBase {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxWorker worker;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	org.springframework.context.ApplicationContext context;

	/** Another instance of the application on this test's database, without scheduled jobs. */
	static ConfigurableApplicationContext instance() {
		// command-line arguments: they win over the application's configuration files
		return new SpringApplicationBuilder(LeadflowApplication.class)
			.run("--server.port=0", "--leadflow.crm-sync.background-jobs=false",
					"--spring.modulith.events.republish-outstanding-events-on-restart=false",
					"--leadflow.crm-sync.crm.base-url=" + peers.baseUrl() + "/crm",
					"--leadflow.crm-sync.crm.read-timeout=10s");
	}

	@Test
	void twoInstancesDeliverEachMessageOnceAndInOrderPerLead() throws Exception {
		peers.stubFor(any(urlPathMatching("/crm/.*")).willReturn(aResponse().withStatus(200).withFixedDelay(20)));
		// this test context's own jobs pause (its 1 s read timeout is meant for the slow-CRM tests): two other
		// instances with ordinary timeouts race for the outbox
		Lifecycle jobs = (Lifecycle) context.getBean("backgroundJobs");
		jobs.stop();
		try (ConfigurableApplicationContext first = instance(); ConfigurableApplicationContext second = instance()) {
			OutboxWorker firstWorker = first.getBean(OutboxWorker.class);
			OutboxWorker secondWorker = second.getBean(OutboxWorker.class);
			then(secondWorker).isNotSameAs(firstWorker).isNotSameAs(worker);

			// given 90 messages of 30 leads, written at once
			tx.executeWithoutResult(s -> {
				for (int i = 0; i < 90; i++) {
					long lead = 5000 + i % 30;
					outbox.enqueue(lead, Peer.CRM, "test", "POST", "/leads/" + lead, Map.of("seq", i));
				}
			});

			// when both instances deliver at once
			CountDownLatch start = new CountDownLatch(1);
			// (on threads of their own: on 2 cores the common pool has a single thread, and senders blocking in it held
			// up the HTTP client's responses until the 10 s read timeout, five times a run)
			ExecutorService senders = Executors.newFixedThreadPool(2);
			CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> drain(firstWorker, start), senders);
			CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> drain(secondWorker, start), senders);
			start.countDown();
			int byFirst = one.get();
			int bySecond = other.get();
			senders.shutdown();

			// then every message was delivered, both instances sent a share, and the receiver saw each message once by
			// its idempotency key, in order per lead (a request that outlived a read timeout is retried with the same
			// key: at least once, never two senders at a time)
			then(pending()).isZero();
			then(byFirst + bySecond).isEqualTo(90);
			then(bySecond).as("both instances delivered a share").isBetween(1, 89);
			List<ServeEvent> received = peers.getAllServeEvents().stream()
				.sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
			Map<String, Long> receptions = received.stream()
				.collect(Collectors.groupingBy(e -> e.getRequest().getHeader("Idempotency-Key"), Collectors.counting()));
			then(receptions).hasSize(90);
			jdbc.query("select idempotency_key, attempts from outbox_message", rs -> {
				then(receptions.get(rs.getString(1))).as("never sent more often than an instance recorded an attempt")
					.isLessThanOrEqualTo(rs.getInt(2));
			});
			Map<String, List<Integer>> seqPerLead = received.stream()
				.filter(distinctBy(e -> e.getRequest().getHeader("Idempotency-Key")))
				.collect(Collectors.groupingBy(e -> e.getRequest().getUrl(), Collectors.mapping(
						e -> Integer.parseInt(e.getRequest().getBodyAsString().replaceAll("\\D", "")),
						Collectors.toList())));
			then(seqPerLead).hasSize(30);
			seqPerLead.values().forEach(seqs -> then(seqs).hasSize(3).isSorted());
		}
		finally {
			jobs.start();
		}
	}

	static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, Object> key) {
		java.util.Set<Object> seen = new java.util.HashSet<>();
		return t -> seen.add(key.apply(t));
	}

	int drain(OutboxWorker w, CountDownLatch start) {
		try {
			start.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 0;
		}
		int count = 0;
		long until = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < until && pending() > 0) {
			count += w.deliverDue();
		}
		return count;
	}

	long pending() {
		return jdbc.queryForObject("select count(*) from outbox_message where status <> 'DELIVERED'", Long.class);
	}
}
