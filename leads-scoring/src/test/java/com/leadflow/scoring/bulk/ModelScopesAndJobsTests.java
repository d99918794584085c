package com.leadflow.scoring.bulk;

import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;

import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.TouchAction;
import com.leadflow.scoring.InMemoryLeadPool;
import com.leadflow.scoring.ScoringService;
import com.leadflow.scoring.model.ModelCatalog;
import com.leadflow.scoring.model.ModelDefinition;
import com.leadflow.scoring.model.ModelDefinition.ActionRule;
import com.leadflow.scoring.model.ModelDefinition.Behaviour;
import com.leadflow.scoring.model.ModelDefinition.ScoreGroup;
import com.leadflow.scoring.model.ModelStatus;

@SpringBootTest
class ModelScopesAndJobsTests {

	@Autowired
	InMemoryLeadPool pool;

	@Autowired
	ModelCatalog catalog;

	@Autowired
	ModelActivation activation;

	@Autowired
	BulkRescore bulk;

	@Autowired
	ScoringJobs jobs;

	@Autowired
	ScoringService scoring;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() throws Exception {
		// an earlier test's activation woke the worker: a job it still runs would deadlock with the truncate
		bulk.awaitIdle();
		pool.reset();
		jdbc.sql("truncate scoring_model, lead_score, scoring_job restart identity").update();
	}

	static ModelDefinition trialsOnly(int points) {
		return new ModelDefinition(List.of(new ScoreGroup("default", null,
				new Behaviour(List.of(new ActionRule("TRIAL_REQUEST", points, null, null, null, null, null, null)),
						null, null, null, null),
				null, null)));
	}

	@Test
	void leadsOfAnIndustryWithAnActiveModelAreScoredByItOthersByTheDefault() {
		LeadSnapshot maker = pool.add(lead("Manufacturing"));
		LeadSnapshot bank = pool.add(lead("Banking"));
		pool.append(maker.id(), TouchAction.TRIAL_REQUEST, Instant.now(), null);
		pool.append(bank.id(), TouchAction.TRIAL_REQUEST, Instant.now(), null);
		long draft = catalog.createDraft("manufacturing", "Manufacturing", trialsOnly(400)).id();

		activation.activate(draft);

		then(scoring.rescore(maker.id())).singleElement().satisfies(s -> {
			then(s.scope()).isEqualTo("manufacturing");
			then(s.total()).isEqualTo(400);
		});
		then(scoring.rescore(bank.id())).singleElement().satisfies(s -> {
			then(s.scope()).isEqualTo("default");
			then(s.total()).isEqualTo(150);
		});
	}

	@Test
	void activatingRetiresTheScopesActiveModelAndOnlyDraftsActivate() {
		long first = catalog.createDraft("default", "First", trialsOnly(10)).id();
		long second = catalog.createDraft("default", "Second", trialsOnly(20)).id();

		activation.activate(first);
		activation.activate(second);

		then(catalog.list("default", ModelStatus.ACTIVE)).extracting(m -> m.id()).containsExactly(second);
		then(catalog.get(first).status()).isEqualTo(ModelStatus.RETIRED);
		then(catalog.list("default", null)).extracting(m -> m.version()).containsExactly(2, 1);
		thenThrownBy(() -> activation.activate(first)).isInstanceOf(ErrorResponseException.class)
			.satisfies(e -> then(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(409));
	}

	@Test
	void aJobWhoseNodeStoppedIsTakenOverFromItsLastBatch() {
		for (int i = 0; i < 5; i++) {
			LeadSnapshot lead = pool.add(lead(null));
			pool.append(lead.id(), TouchAction.TRIAL_REQUEST, Instant.now(), null);
		}
		long secondLead = pool.activeLeadIdsAfter(0, 2).getLast();
		long job = jobs.enqueueRescore(null).id();
		// a node claimed the job, scored two leads, and died 5 minutes ago
		jdbc.sql("""
				update scoring_job set status = 'RUNNING', processed = 2, total_leads = 5, last_lead_id = ?,
				    heartbeat_at = now() - interval '5 minutes' where id = ?""").params(secondLead, job).update();

		bulk.runPending();

		ScoringJob done = jobs.byId(job).orElseThrow();
		then(done.status()).isEqualTo("DONE");
		then(done.processed()).isEqualTo(5);
		then(jdbc.sql("select count(*) from lead_score").query(Long.class).single()).as("only the remaining three")
			.isEqualTo(3);
	}

	@Test
	void aRunningJobWithAFreshHeartbeatIsNotClaimedTwice() {
		// running on another node from the start: never PENDING, so no earlier wake-up of this node's worker can take it
		long job = jdbc.sql("insert into scoring_job (kind, status, started_at, heartbeat_at) "
				+ "values ('RESCORE', 'RUNNING', now(), now()) returning id").query(Long.class).single();

		bulk.runPending();

		then(jobs.byId(job).orElseThrow().status()).isEqualTo("RUNNING");
	}

	@Test
	void periodicRefreshIsQueuedOnlyWhenDue() {
		java.time.Duration day = java.time.Duration.ofDays(1);
		Instant startedLongAgo = Instant.now().minus(java.time.Duration.ofDays(2));

		boolean freshStart = jobs.enqueueRefreshIfDue(day, Instant.now());
		boolean due = jobs.enqueueRefreshIfDue(day, startedLongAgo);
		boolean again = jobs.enqueueRefreshIfDue(day, startedLongAgo);

		then(freshStart).isFalse();
		then(due).isTrue();
		then(again).as("one was queued just now").isFalse();
	}

	static LeadSnapshot lead(String industry) {
		return new LeadSnapshot(0, "Lead", null, null, null, null, null, null, "NEW", null, null, null, null, null,
				industry, null, false, List.of(), List.of(), List.of(), Map.of(), Instant.now(), null);
	}
}
