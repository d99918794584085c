package com.leadflow.crmsync.metrics;

import static org.assertj.core.api.BDDAssertions.then;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.leadflow.crmsync.CrmSyncHttpTestBase;

import tools.jackson.databind.JsonNode;

/** {@code GET /api/lifecycle/metrics}: exact figures over a known history. */
class LifecycleMetricsTests extends CrmSyncHttpTestBase {

	static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

	static Instant at(Duration after) {
		return T0.plus(after);
	}

	static Duration days(long d) {
		return Duration.ofDays(d);
	}

	static Duration hours(long h) {
		return Duration.ofHours(h);
	}

	void moved(long lead, String from, String to, Instant at, String actor) {
		jdbc.update("""
				insert into lead_stage_history (lead_id, from_stage, to_stage, reason, actor, occurred_at)
				values (?, ?, ?, ?, ?, ?)""", lead, from, to, to.equals("RECYCLED") ? "BUDGET" : null, actor,
				Timestamp.from(at));
		jdbc.update("""
				insert into lead_lifecycle (lead_id, stage, updated_at) values (?, ?, ?)
				on conflict (lead_id) do update set stage = excluded.stage, updated_at = excluded.updated_at""", lead, to,
				Timestamp.from(at));
	}

	/**
	 * Five leads of 2025: (1) new → SQL in 10 days; (2) nurtured ever since; (3) MQL, recycled for budget, re-engaged,
	 * then SQL — its second MQL waited 72 h; (4) an MQL nobody called, cooled back to nurturing by routing; (5) SQL in
	 * 2 h, then recycled by the CRM after missing its acceptance SLA.
	 */
	void knownHistory() {
		moved(1, "NEW", "NURTURING", T0, "system:routing");
		moved(1, "NURTURING", "MQL", at(days(10)), "system:routing");
		moved(1, "MQL", "SAL", at(days(10).plus(hours(2))), "sdr-1");
		moved(1, "SAL", "SQL", at(days(10).plus(hours(6))), "sdr-1");

		moved(2, "NEW", "NURTURING", T0, "system:routing");

		moved(3, "NEW", "MQL", T0, "system:routing");
		moved(3, "MQL", "RECYCLED", at(days(1)), "sdr-1");
		moved(3, "RECYCLED", "NURTURING", at(days(31)), "system:reengage");
		moved(3, "NURTURING", "MQL", at(days(41)), "system:routing");
		moved(3, "MQL", "SAL", at(days(44)), "sdr-2");
		moved(3, "SAL", "SQL", at(days(44).plus(hours(4))), "sdr-2");

		moved(4, "NEW", "MQL", T0, "system:routing");
		moved(4, "MQL", "NURTURING", at(hours(12)), "system:routing");

		moved(5, "NEW", "MQL", T0, "system:routing");
		moved(5, "MQL", "SAL", at(hours(1)), "sdr-1");
		moved(5, "SAL", "SQL", at(hours(2)), "sdr-1");
		jdbc.update("""
				insert into sla_escalation (lead_id, due_at, escalated_at, escalated_to, returned)
				values (5, ?, ?, 'sales-manager', false)""", Timestamp.from(at(hours(26))), Timestamp.from(at(hours(27))));
		moved(5, "SQL", "RECYCLED", at(days(5)), "crm");
	}

	@Test
	void computesStagesConversionSlaMissesAndReengagementExactly() {
		knownHistory();

		JsonNode metrics = get("/api/lifecycle/metrics").getBody();

		Map<String, String> stages = new HashMap<>();
		metrics.path("stages").valueStream().forEach(s -> stages.put(s.path("stage").asString(),
				s.path("leads").asLong() + " now, " + s.path("completedStays").asLong() + " stays, avg "
						+ s.path("averageSecondsInStage").asDouble()));
		then(stages).containsOnly(
				Map.entry("NURTURING", "2 now, 2 stays, avg 864000.0"), // 10 d and 10 d
				Map.entry("MQL", "0 now, 5 stays, avg 79920.0"), // 2 h, 24 h, 72 h, 12 h, 1 h → 22.2 h
				Map.entry("SAL", "0 now, 3 stays, avg 10800.0"), // 4 h, 4 h, 1 h
				Map.entry("SQL", "2 now, 1 stays, avg 424800.0"), // 5 d − 2 h
				Map.entry("RECYCLED", "1 now, 1 stays, avg 2592000.0")); // 30 d
		// SQL before any second chance: leads 1 and 5 of 5
		then(metrics.path("newLeadsToSql").path("leads").asLong()).isEqualTo(5);
		then(metrics.path("newLeadsToSql").path("toSql").asLong()).isEqualTo(2);
		then(metrics.path("newLeadsToSql").path("rate").asDouble()).isEqualTo(0.4);
		// recycled (3, 5) or nurtured over 90 days (2, 4): only lead 3 reached SQL afterwards
		then(metrics.path("secondChanceToSql").path("leads").asLong()).isEqualTo(4);
		then(metrics.path("secondChanceToSql").path("toSql").asLong()).isEqualTo(1);
		then(metrics.path("secondChanceToSql").path("rate").asDouble()).isEqualTo(0.25);
		// lead 3's second MQL waited 72 h > 48 h, lead 4's MQL was only ever cooled down by routing
		then(metrics.path("sla").path("leadsNotContactedWithinSla").asLong()).isEqualTo(2);
		then(metrics.path("sla").path("sqlsNotAcceptedWithinSla").asLong()).isEqualTo(1);
		then(metrics.path("recycled").path("recycled").asLong()).isEqualTo(2);
		then(metrics.path("recycled").path("reengaged").asLong()).isEqualTo(1);
		then(metrics.path("recycled").path("rate").asDouble()).isEqualTo(0.5);
	}

	@Test
	void stageCountsFollowRealMoves() {
		long first = newLead("Metric One", "metric.one@example.com");
		newLead("Metric Two", "metric.two@example.com");

		move(first, "MQL", null, "marketing-ops");

		Map<String, Long> leads = new HashMap<>();
		Map<String, Long> stays = new HashMap<>();
		get("/api/lifecycle/metrics").getBody().path("stages").valueStream().forEach(s -> {
			leads.put(s.path("stage").asString(), s.path("leads").asLong());
			stays.put(s.path("stage").asString(), s.path("completedStays").asLong());
		});
		then(leads).containsOnly(Map.entry("NURTURING", 1L), Map.entry("MQL", 1L));
		then(stays).containsOnly(Map.entry("NURTURING", 1L), Map.entry("MQL", 0L));
	}
}
