package com.leadflow.benchmarks;

import org.springframework.jdbc.core.JdbcTemplate;

/** The other modules' listeners still at work on earlier events (scoring, routing, nurture), and the read model. */
final class EventBacklog {

	private EventBacklog() {
	}

	/** Waits until every event publication has been handled (or has failed for good); answers the seconds waited. */
	static double awaitDrained(JdbcTemplate jdbc) throws InterruptedException {
		long start = System.nanoTime();
		while (Boolean.TRUE.equals(jdbc.queryForObject(
				"select exists(select 1 from event_publication where status <> 'FAILED')", Boolean.class))) {
			Thread.sleep(1000);
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/** Waits until the analytics read model has recomputed every marked lead; answers the seconds waited. */
	static double awaitReadModel(JdbcTemplate jdbc) throws InterruptedException {
		long start = System.nanoTime();
		while (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from analytics_dirty)", Boolean.class))) {
			Thread.sleep(200);
		}
		return (System.nanoTime() - start) / 1e9;
	}
}
