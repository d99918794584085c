package com.leadflow.scoring.lead;

import static org.assertj.core.api.BDDAssertions.then;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.leadflow.core.DecisionRole;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.LeadTouched;
import com.leadflow.core.LeadsTouched;
import com.leadflow.core.Touch;
import com.leadflow.core.TouchAction;
import com.leadflow.scoring.FitGrade;
import com.leadflow.scoring.GroupScore;
import com.leadflow.scoring.InMemoryLeadPool;
import com.leadflow.scoring.LeadBandChanged;
import com.leadflow.scoring.LeadScore;
import com.leadflow.scoring.RecycleRule;
import com.leadflow.scoring.ScoreBand;
import com.leadflow.scoring.ScoreLine;
import com.leadflow.scoring.ScoringService;
import com.leadflow.scoring.engine.ModelScore;
import com.leadflow.scoring.engine.ScoringEngine;
import com.leadflow.scoring.model.ModelCatalog;

@SpringBootTest
@Import(IncrementalScoringTests.BandChanges.class)
class IncrementalScoringTests {

	@Autowired
	InMemoryLeadPool pool;

	@Autowired
	ScoringService scoring;

	@Autowired
	BandChanges bandChanges;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LeadScoring leadScoring;

	@Autowired
	ModelCatalog catalog;

	@Autowired
	Recycles recycles;

	@BeforeEach
	void clean() {
		pool.reset();
		bandChanges.events.clear();
	}

	@Test
	void eachTouchRescoresWithinASecondAndAnnouncesBandChanges() {
		LeadSnapshot lead = pool.add(lead(0, null));
		Instant now = Instant.now();

		pool.touch(lead.id(), TouchAction.WHITEPAPER_DOWNLOAD, now.minusSeconds(30), null);
		LeadScore cool = awaitScore(lead.id(), s -> s.band() == ScoreBand.COOL);
		pool.touch(lead.id(), TouchAction.WEBINAR_ATTEND, now.minusSeconds(20), 40);
		LeadScore warm = awaitScore(lead.id(), s -> s.band() == ScoreBand.WARM);
		pool.touch(lead.id(), TouchAction.TRIAL_REQUEST, now.minusSeconds(10), null);
		LeadScore hot = awaitScore(lead.id(), s -> s.band() == ScoreBand.HOT);

		then(cool.total()).isEqualTo(40);
		then(warm.total()).isEqualTo(180);
		then(hot.total()).isEqualTo(330);
		then(hot.lines()).extracting(l -> l.key())
			.containsExactlyInAnyOrder("WHITEPAPER_DOWNLOAD", "WEBINAR_ATTEND", "TRIAL_REQUEST");
		then(bandChanges.events).containsExactly(
				new LeadBandChanged(lead.id(), "default", null, ScoreBand.COOL, 40, com.leadflow.scoring.FitGrade.D),
				new LeadBandChanged(lead.id(), "default", ScoreBand.COOL, ScoreBand.WARM, 180,
						com.leadflow.scoring.FitGrade.D),
				new LeadBandChanged(lead.id(), "default", ScoreBand.WARM, ScoreBand.HOT, 330,
						com.leadflow.scoring.FitGrade.D));
	}

	@Test
	void aProfileChangeRescoresTheFitPart() {
		LeadSnapshot lead = pool.add(lead(0, null));
		pool.touch(lead.id(), TouchAction.WEBINAR_REGISTER, Instant.now(), null);
		awaitScore(lead.id(), s -> s.total() == 15);

		pool.changeProfile(lead(lead.id(), DecisionRole.DECISION_MAKER));

		LeadScore changed = awaitScore(lead.id(), s -> s.total() == 65);
		then(changed.fitPoints()).isEqualTo(50.0);
		then(changed.lines()).anySatisfy(l -> then(l.explanation()).isEqualTo("Decision maker: +50"));
		then(jdbc.sql("select fit_breakdown::text || ' ' || breakdown::text from lead_score where lead_id = ?")
			.param(lead.id()).query(String.class).single())
			.as("stored: figures only, the words come from the model on reading; the fit part's lines apart")
			.isEqualTo("[[\"FIT\",\"decision-maker\",1,50,0,50]] [[\"BEHAVIOUR\",\"WEBINAR_REGISTER\",1,15,0,15]]");
	}

	@Test
	void aBatchThatOnlyTouchesALeadRewritesItsBehaviourPartAgainstTheStoredFitPart() {
		LeadSnapshot lead = pool.add(lead(0, DecisionRole.DECISION_MAKER));
		Instant now = Instant.now();
		pool.touch(lead.id(), TouchAction.WHITEPAPER_DOWNLOAD, now.minusSeconds(30), null);
		awaitScore(lead.id(), s -> s.total() == 90);
		pool.add(lead(lead.id(), null)); // no event: only a full re-score, which reads the profile, drops the +50

		pool.touchInBatch(lead.id(), TouchAction.TRIAL_REQUEST, now.minusSeconds(10), null);

		LeadScore warm = awaitScore(lead.id(), s -> s.total() == 240);
		then(warm.band()).isEqualTo(ScoreBand.WARM);
		then(warm.fitPoints()).isEqualTo(50.0);
		then(warm.fitGrade()).isEqualTo(FitGrade.C);
		then(warm.behaviourPoints()).isEqualTo(190.0);
		then(warm.lines()).extracting(l -> l.explanation())
			.containsExactly("Decision maker: +50", "WHITEPAPER_DOWNLOAD ×1: 40 points", "TRIAL_REQUEST ×1: 150 points");
		then(bandChanges.events).last()
			.isEqualTo(new LeadBandChanged(lead.id(), "default", ScoreBand.COOL, ScoreBand.WARM, 240, FitGrade.C));

		LeadScore full = scoring.rescore(lead.id()).getFirst();
		then(full.total()).as("the profile read again").isEqualTo(190);
		then(full.lines().subList(0, 2)).isEqualTo(warm.lines().subList(1, 3));
	}

	@Test
	void theBehaviourPartAloneGivesWhatTheEngineGivesInFull() {
		LeadSnapshot lead = pool.add(lead(0, DecisionRole.DECISION_MAKER));
		Instant now = Instant.now();
		pool.append(lead.id(), TouchAction.WEBINAR_ATTEND, now.minus(Duration.ofDays(200)), 40);
		for (int i = 0; i < 4; i++) {
			pool.append(lead.id(), TouchAction.WHITEPAPER_DOWNLOAD, now.minus(Duration.ofDays(10 + i)), null);
		}
		scoring.recycle(lead.id(), RecycleRule.decay(0.5, "TIMING"));
		Touch added = pool.append(lead.id(), TouchAction.DEMO_REQUEST, now.minusSeconds(5), null);

		int bandChanges = leadScoring.rescoreArrivals(batchOf(added));

		LeadScore stored = scoring.scoresOf(lead.id()).getFirst();
		ModelScore engine = ScoringEngine.score(catalog.active().forLead(lead), lead, pool.touches(lead.id()),
				stored.scoredAt(), recycles.of(List.of(lead.id())).get(lead.id()));
		GroupScore expected = engine.groups().getFirst();
		then(stored.lines()).anySatisfy(l -> then(l.key()).isEqualTo("RECYCLED"));
		then(stored.lines()).anySatisfy(l -> then(l.points()).isLessThan(l.rawPoints() - l.cappedPoints()));
		then(new GroupScore(stored.group(), stored.total(), stored.band(), stored.fitPoints(), stored.fitGrade(),
				stored.behaviourPoints(), stored.lines().stream().map(l -> new ScoreLine(l.part(), l.key(), l.count(),
						l.rawPoints(), l.cappedPoints(), l.points(), l.part().equals("ADJUSTMENT") ? l.explanation() : null))
					.toList()))
			.isEqualTo(expected);
		then(bandChanges).isEqualTo(1);
		then(expected.band()).isEqualTo(ScoreBand.WARM);
	}

	@Test
	void aBatchTouchScoresInFullALeadWhoseStoredScoreIsByAModelNoLongerActive() {
		LeadSnapshot lead = pool.add(lead(0, DecisionRole.DECISION_MAKER));
		pool.touch(lead.id(), TouchAction.WHITEPAPER_DOWNLOAD, Instant.now().minusSeconds(30), null);
		awaitScore(lead.id(), s -> s.total() == 90);
		long active = jdbc.sql("select model_id from lead_score where lead_id = ?").param(lead.id()).query(Long.class)
			.single();
		jdbc.sql("update lead_score set model_id = ? where lead_id = ?").params(active + 1000, lead.id()).update();
		pool.add(lead(lead.id(), null));

		pool.touchInBatch(lead.id(), TouchAction.TRIAL_REQUEST, Instant.now().minusSeconds(10), null);

		await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> then(jdbc
			.sql("select model_id, total from lead_score where lead_id = ?").param(lead.id())
			.query((rs, i) -> List.of(rs.getLong(1), (long) rs.getInt(2))).single())
			.as("scored in full by the active model: the profile read again").containsExactly(active, 190L));
	}

	@Test
	void aBatchTouchOnALeadMergedAwayMeanwhileScoresTheSurvivor() {
		LeadSnapshot survivor = pool.add(lead(0, DecisionRole.DECISION_MAKER));
		LeadSnapshot absorbed = pool.add(lead(0, null));
		pool.touch(survivor.id(), TouchAction.WHITEPAPER_DOWNLOAD, Instant.now().minusSeconds(30), null);
		Touch touch = pool.touch(absorbed.id(), TouchAction.TRIAL_REQUEST, Instant.now().minusSeconds(20), null);
		awaitScore(survivor.id(), s -> s.total() == 90);
		awaitScore(absorbed.id(), s -> s.total() == 150);
		bandChanges.events.clear();
		pool.mergeQuietly(survivor.id(), absorbed.id());

		leadScoring.rescoreArrivals(batchOf(touch));

		then(bandChanges.events).as("the absorbed lead keeps its score until the merge is handled")
			.containsExactly(new LeadBandChanged(survivor.id(), "default", ScoreBand.COOL, ScoreBand.WARM, 240,
					FitGrade.C));
	}

	private static LeadsTouched batchOf(Touch touch) {
		return new LeadsTouched(List.of(new LeadTouched(touch.leadId(), touch.id(), touch.action(), touch.channel(),
				null, touch.occurredAt(), false)), List.of(), List.of());
	}

	@Test
	void aMergedLeadsScoreMovesToTheSurvivor() {
		LeadSnapshot survivor = pool.add(lead(0, DecisionRole.DECISION_MAKER));
		LeadSnapshot absorbed = pool.add(lead(0, null));
		pool.touch(absorbed.id(), TouchAction.TRIAL_REQUEST, Instant.now(), null);
		awaitScore(absorbed.id(), s -> s.total() == 150);

		pool.merge(survivor.id(), absorbed.id());

		LeadScore merged = awaitScore(survivor.id(), s -> s.total() == 200);
		then(merged.fitGrade()).isEqualTo(com.leadflow.scoring.FitGrade.C);
		await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> then(jdbc
			.sql("select count(*) from lead_score where lead_id = ?").param(absorbed.id()).query(Long.class).single())
			.isZero());
	}

	@Test
	void undoingAMergeGivesBothLeadsTheirOwnScoresAgain() {
		LeadSnapshot survivor = pool.add(lead(0, null));
		LeadSnapshot absorbed = pool.add(lead(0, null));
		pool.touch(survivor.id(), TouchAction.WHITEPAPER_DOWNLOAD, Instant.now(), null);
		pool.touch(absorbed.id(), TouchAction.TRIAL_REQUEST, Instant.now(), null);
		pool.merge(survivor.id(), absorbed.id());
		awaitScore(survivor.id(), s -> s.total() == 190);

		pool.undoMerge(survivor.id(), absorbed);

		then(awaitScore(survivor.id(), s -> s.total() == 40).band()).isEqualTo(ScoreBand.COOL);
		then(awaitScore(absorbed.id(), s -> s.total() == 150).band()).isEqualTo(ScoreBand.WARM);
	}

	@Test
	void recyclingResetsBehaviourAndExplainsIt() {
		LeadSnapshot lead = pool.add(lead(0, null));
		pool.append(lead.id(), TouchAction.DEMO_REQUEST, Instant.now().minusSeconds(60), null);
		then(scoring.rescore(lead.id())).singleElement().satisfies(s -> then(s.total()).isEqualTo(150));

		List<LeadScore> recycled = scoring.recycle(lead.id(), RecycleRule.reset("BUDGET"));

		then(recycled).singleElement().satisfies(s -> {
			then(s.total()).isZero();
			then(s.band()).isEqualTo(ScoreBand.COOL);
			then(s.lines()).anySatisfy(l -> then(l.explanation()).contains("BUDGET").contains("reset to 0"));
		});
		then(scoring.scoresOf(lead.id())).singleElement().satisfies(s -> then(s.total()).isZero());
		then(bandChanges.events).extracting(LeadBandChanged::newBand).containsExactly(ScoreBand.WARM, ScoreBand.COOL);
	}

	private LeadScore awaitScore(long leadId, java.util.function.Predicate<LeadScore> condition) {
		return await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> scoredOrNull(leadId), s -> s != null && condition.test(s));
	}

	private LeadScore scoredOrNull(long leadId) {
		return jdbc.sql("select lead_id from lead_score where lead_id = ?").param(leadId).query(Long.class).optional()
			.map(id -> scoring.scoresOf(id).getFirst())
			.orElse(null);
	}

	static LeadSnapshot lead(long id, DecisionRole role) {
		return new LeadSnapshot(id, "Lead", null, role, null, null, null, null, "NEW", null, null, null, null, null,
				null, null, false, List.of("a@example.com"), List.of(), List.of(), java.util.Map.of(), Instant.now(), null);
	}

	@TestConfiguration
	static class BandChanges {

		final List<LeadBandChanged> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(LeadBandChanged event) {
			events.add(event);
		}

		@Bean
		String bandChangesMarker() {
			return "marker";
		}
	}
}
