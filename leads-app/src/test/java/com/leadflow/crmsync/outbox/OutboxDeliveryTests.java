package com.leadflow.crmsync.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.leadflow.crmsync.CrmSyncHttpTestBase;

import tools.jackson.databind.JsonNode;

/** The outbox delivers every message at least once, in order per lead, with its idempotency key. */
class OutboxDeliveryTests extends CrmSyncHttpTestBase {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxWorker worker;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	tools.jackson.databind.json.JsonMapper json;

	/** A lead moved to SQL by hand: a call task (MQL) then the CRM contact and opportunity (SQL) are queued. */
	long sqlLead(String name) {
		long lead = newLead(name, name.toLowerCase().replace(' ', '.') + "@example.com");
		then(move(lead, "MQL", null, "marketing-ops").getStatusCode().value()).isEqualTo(200);
		then(move(lead, "SAL", null, "sdr-1").getStatusCode().value()).isEqualTo(200);
		then(move(lead, "SQL", null, "sdr-1").getStatusCode().value()).isEqualTo(200);
		return lead;
	}

	static void peersAnswer(int status) {
		peers.resetAll();
		peers.stubFor(any(urlPathMatching("/(cc|crm)/.*")).willReturn(aResponse().withStatus(status)));
	}

	List<OutboxMessage> messagesOf(List<Long> leads) {
		return leads.stream().flatMap(l -> outbox.ofLead(l).stream()).toList();
	}

	static String key(ServeEvent e) {
		return e.getRequest().getHeader("Idempotency-Key");
	}

	@Test
	void pushesAnSqlToTheCrmWithProfileTimelineAndIdempotencyKeysAfterTheCallTask() {
		peersAnswer(200);
		long lead = sqlLead("Lin Tao");

		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> outbox.ofLead(lead).stream().allMatch(m -> m.status().equals("DELIVERED")));

		List<OutboxMessage> messages = outbox.ofLead(lead);
		then(messages).extracting(OutboxMessage::kind)
			.containsExactly("call-task", "crm-contact-upsert", "crm-opportunity-upsert");
		// as the receiver sees them, deduplicated by Idempotency-Key (a first request of a cold JVM may time out)
		Set<String> seen = new java.util.HashSet<>();
		List<ServeEvent> received = peers.getAllServeEvents().stream()
			.sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).filter(e -> seen.add(key(e))).toList();
		then(received).extracting(e -> e.getRequest().getMethod().getName() + " " + e.getRequest().getUrl())
			.containsExactly("POST /cc/call-tasks", "PUT /crm/contacts/leadflow-" + lead,
					"PUT /crm/opportunities/leadflow-" + lead);
		then(received).extracting(OutboxDeliveryTests::key)
			.containsExactlyElementsOf(messages.stream().map(m -> m.idempotencyKey().toString()).toList());
		JsonNode contact = json.readTree(received.get(1).getRequest().getBodyAsString());
		then(contact.path("externalId").asString()).isEqualTo("leadflow-" + lead);
		then(contact.path("profile").path("emails").get(0).asString()).isEqualTo("lin.tao@example.com");
		then(contact.path("profile").path("lifecycleStage").asString()).isEqualTo("SQL");
		then(contact.path("timeline").valueStream().map(t -> t.path("action").asString())).containsExactly("FORM_SUBMIT");
		then(contact.path("stageHistory").valueStream().map(h -> h.path("to").asString()))
			.containsExactly("NURTURING", "MQL", "SAL", "SQL");
		JsonNode task = json.readTree(received.get(0).getRequest().getBodyAsString());
		then(task.path("sdr").asString()).isIn("sdr-1", "sdr-2");
		then(task.path("questions").valueStream().map(q -> q.path("key").asString()))
			.containsExactly("budget", "authority", "need", "timeline");
	}

	@Test
	void losesNothingWhileTheCrmIsDownOrSlowAndThenDeliversEachMessageOnceInOrderPerLead() {
		// given the CRM answers 503 while three leads become SQLs (the call center works)
		peers.resetAll();
		peers.stubFor(any(urlPathMatching("/cc/.*")).willReturn(aResponse().withStatus(201)));
		peers.stubFor(any(urlPathMatching("/crm/.*")).willReturn(aResponse().withStatus(503)));
		List<Long> leads = List.of(sqlLead("Chen Bo"), sqlLead("He Yan"), sqlLead("Luo Jie"));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> messagesOf(leads).stream()
			.filter(m -> m.kind().equals("crm-contact-upsert")).allMatch(m -> m.attempts() >= 2));

		// then no CRM message is delivered, and no opportunity was tried before its contact
		then(messagesOf(leads)).filteredOn(m -> m.peer() == Peer.CRM).extracting(OutboxMessage::status)
			.containsOnly("PENDING");
		then(messagesOf(leads)).filteredOn(m -> m.kind().equals("crm-opportunity-upsert"))
			.extracting(OutboxMessage::attempts).containsOnly(0);

		// when the CRM is slow (answers after the read timeout), then back
		peers.resetAll();
		peers.stubFor(any(urlPathMatching("/crm/.*")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> peers.getAllServeEvents().stream().map(OutboxDeliveryTests::key).distinct().count() >= 3);
		Instant back = Instant.now();
		peersAnswer(200);

		// then every message is delivered, none is dead
		Awaitility.await().atMost(Duration.ofSeconds(15))
			.until(() -> messagesOf(leads).stream().allMatch(m -> m.status().equals("DELIVERED")));
		List<OutboxMessage> crm = messagesOf(leads).stream().filter(m -> m.peer() == Peer.CRM).toList();
		then(crm).hasSize(6);
		then(crm).filteredOn(m -> m.kind().equals("crm-contact-upsert")).allMatch(m -> m.attempts() >= 3);
		// the receiver, deduplicating by Idempotency-Key, saw each message, and each exactly once since it came back
		List<ServeEvent> afterBack = peers.getAllServeEvents().stream()
			.filter(e -> !e.getRequest().getLoggedDate().toInstant().isBefore(back)).toList();
		Map<String, Long> perKey = afterBack.stream()
			.collect(Collectors.groupingBy(OutboxDeliveryTests::key, Collectors.counting()));
		then(perKey.keySet()).containsExactlyInAnyOrderElementsOf(
				crm.stream().map(m -> m.idempotencyKey().toString()).toList());
		then(perKey.values()).containsOnly(1L);
		// and per lead the contact arrived before the opportunity
		for (long lead : leads) {
			List<String> order = afterBack.stream()
				.filter(e -> e.getRequest().getUrl().endsWith("/leadflow-" + lead))
				.sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
				.map(e -> e.getRequest().getUrl().split("/")[2]).toList();
			then(order).containsExactly("contacts", "opportunities");
		}
	}

	@Test
	void twoWorkersDeliverEachMessageExactlyOnceAndInOrderPerLead() throws Exception {
		// given 60 messages of 12 leads written at once
		peers.resetAll();
		peers.stubFor(any(urlPathMatching("/crm/.*")).willReturn(aResponse().withStatus(200).withFixedDelay(5)));
		List<Long> ids = new ArrayList<>();
		tx.executeWithoutResult(s -> {
			for (int i = 0; i < 60; i++) {
				long lead = 1000 + i % 12;
				ids.add(outbox.enqueue(lead, Peer.CRM, "test", "POST", "/crm/leads/" + lead, Map.of("seq", i)));
			}
		});

		// when two more workers run next to the scheduled one
		ExecutorService threads = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> delivered = new ArrayList<>();
		for (int t = 0; t < 2; t++) {
			delivered.add(threads.submit(() -> {
				start.await();
				int count = 0;
				long until = System.currentTimeMillis() + 15_000;
				while (System.currentTimeMillis() < until && pending() > 0) {
					count += worker.deliverDue();
				}
				return count;
			}));
		}
		start.countDown();
		for (Future<Integer> f : delivered) {
			f.get();
		}
		threads.shutdown();

		// then each message reached the receiver exactly once, and in order per lead
		then(pending()).isZero();
		List<ServeEvent> received = peers.getAllServeEvents();
		then(received).hasSize(60);
		then(received.stream().map(OutboxDeliveryTests::key).collect(Collectors.toSet())).hasSize(60);
		Map<String, List<Integer>> seqPerLead = received.stream()
			.sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
			.collect(Collectors.groupingBy(e -> e.getRequest().getUrl(), Collectors.mapping(
					e -> Integer.parseInt(e.getRequest().getBodyAsString().replaceAll("\\D", "")), Collectors.toList())));
		then(seqPerLead).hasSize(12);
		seqPerLead.values().forEach(seqs -> then(seqs).isSorted());
	}

	long pending() {
		return jdbc.queryForObject("select count(*) from outbox_message where status <> 'DELIVERED'", Long.class);
	}

	@Test
	void aMessageThatKeepsFailingBecomesADeadLetterThatHoldsItsLeadUntilReplayed() {
		// given a CRM that keeps failing, and another that refuses a bad request outright
		peers.resetAll();
		peers.stubFor(any(urlPathMatching("/cc/.*")).willReturn(aResponse().withStatus(200)));
		peers.stubFor(any(urlPathMatching("/crm/.*")).willReturn(aResponse().withStatus(503)));
		long lead = sqlLead("Deng Fei");

		// when its attempts are exhausted
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(
				() -> outbox.ofLead(lead).stream().anyMatch(m -> m.status().equals("DEAD")));

		// then it is listed as a dead letter, and the lead's later message waits behind it
		ResponseEntity<JsonNode> dead = get("/api/outbox/dead-letters");
		then(dead.getBody().valueStream().filter(m -> m.path("leadId").asLong() == lead)
			.map(m -> m.path("kind").asString() + "/" + m.path("attempts").asInt() + "/" + m.path("lastStatus").asInt()))
			.containsExactly("crm-contact-upsert/12/503");
		OutboxMessage opportunity = outbox.ofLead(lead).get(2);
		then(opportunity.status()).isEqualTo("PENDING");
		then(opportunity.attempts()).isZero();

		// when the CRM is back and the dead letter is replayed
		peersAnswer(200);
		long deadId = outbox.ofLead(lead).get(1).id();
		then(post("/api/outbox/dead-letters/" + deadId + "/replay", Map.of()).getStatusCode().value()).isEqualTo(202);

		// then both are delivered, contact first
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> outbox.ofLead(lead).stream().allMatch(m -> m.status().equals("DELIVERED")));
		then(outbox.ofLead(lead).get(1).deliveredAt()).isBefore(outbox.ofLead(lead).get(2).deliveredAt());
		then(get("/api/outbox/dead-letters").getBody().size()).isZero();
		then(post("/api/outbox/dead-letters/" + deadId + "/replay", Map.of()).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aRequestThePeerRejectsAsInvalidIsDeadAtOnce() {
		peers.resetAll();
		peers.stubFor(any(urlPathMatching("/cc/.*")).willReturn(aResponse().withStatus(422)));
		long lead = newLead("Fang Ning", "fang.ning@example.com");
		move(lead, "MQL", null, "marketing-ops");

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(
				() -> outbox.ofLead(lead).stream().anyMatch(m -> m.status().equals("DEAD")));

		then(outbox.ofLead(lead)).singleElement().satisfies(m -> {
			then(m.attempts()).isEqualTo(1);
			then(m.lastStatus()).isEqualTo(422);
		});
		then(Set.of(peers.getAllServeEvents().size())).containsExactly(1);
	}
}
