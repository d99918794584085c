package com.leadflow.core;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;

import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;

/**
 * Other modules hear of arrivals and merges after commit, through Spring Modulith's persistent registry; a listener
 * that fails (here: a deadlock on its first attempt) gets the event again without a restart.
 */
@SpringBootTest
@Import(LeadEventsTests.Listener.Config.class)
class LeadEventsTests {

	@Autowired
	LeadPool pool;

	@Autowired
	Listener listener;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void publishesTouchedAndMergedEventsAfterCommitAndCompletesTheirPublications() {
		long a = pool.resolve(new Arrival(Person.of("Event Person", "event.a@example.com", null), null,
				TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "API")).leadId();
		long b = pool.resolve(new Arrival(Person.of("Event Person", null, "13500000009"), null,
				TouchInput.of(TouchAction.CALL, "HOTLINE_400", Instant.now()), "API")).leadId();
		Resolution both = pool.resolve(new Arrival(Person.of(null, "event.a@example.com", "13500000009"), null,
				TouchInput.of(TouchAction.EMAIL_CLICK, "EDM", Instant.now()), "API"));

		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			// asynchronous listeners: delivery order is not guaranteed
			then(listener.touched()).extracting(e -> e.leadId() + (e.leadCreated() ? " created" : " matched"))
				.containsExactlyInAnyOrder(a + " created", b + " created", a + " matched");
			then(listener.merged()).extracting(m -> m.survivorId() + ">" + m.absorbedId()).containsExactly(a + ">" + b);
			then(listener.failedAttempts()).as("the merge listener failed once, then got the event again").isEqualTo(1);
			then(jdbc.queryForObject("select count(*) from event_publication", Long.class)).as("completed and removed").isZero();
		});
		then(both.mergedLeadIds()).containsExactly(b);
		then(listener.threads()).as("listeners run on their own bounded pool").allMatch(name -> name.startsWith("listener-"));

	}

	static class Listener {

		final List<LeadTouched> touched = new CopyOnWriteArrayList<>();

		final List<LeadMerged> merged = new CopyOnWriteArrayList<>();

		final AtomicInteger failedAttempts = new AtomicInteger();

		final List<String> threads = new CopyOnWriteArrayList<>();

		// accessors, not fields: the listener is a proxy (async, transactional)
		List<LeadTouched> touched() {
			return touched;
		}

		List<LeadMerged> merged() {
			return merged;
		}

		List<String> threads() {
			return threads;
		}

		int failedAttempts() {
			return failedAttempts.get();
		}

		@ApplicationModuleListener
		void on(LeadTouched event) {
			touched.add(event);
			threads.add(Thread.currentThread().getName());
		}

		@ApplicationModuleListener
		void on(LeadMerged event) {
			if (failedAttempts.compareAndSet(0, 1)) {
				throw new PessimisticLockingFailureException("deadlock detected (simulated)");
			}
			merged.add(event);
		}

		@TestConfiguration
		static class Config {

			@Bean
			Listener eventsTestListener() {
				return new Listener();
			}
		}
	}
}
