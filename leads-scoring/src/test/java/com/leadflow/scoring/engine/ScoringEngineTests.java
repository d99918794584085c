package com.leadflow.scoring.engine;

import static com.leadflow.scoring.engine.Leads.anonymous;
import static com.leadflow.scoring.engine.Leads.touch;
import static com.leadflow.scoring.engine.Leads.watched;
import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.leadflow.core.DecisionRole;
import com.leadflow.core.Touch;
import com.leadflow.core.TouchAction;
import com.leadflow.scoring.FitGrade;
import com.leadflow.scoring.GroupScore;
import com.leadflow.scoring.ScoreBand;
import com.leadflow.scoring.model.ModelDefinition;
import com.leadflow.scoring.model.ModelDefinition.ActionRule;
import com.leadflow.scoring.model.ModelDefinition.Bands;
import com.leadflow.scoring.model.ModelDefinition.Behaviour;
import com.leadflow.scoring.model.ModelDefinition.Grades;
import com.leadflow.scoring.model.ModelDefinition.ScoreGroup;

class ScoringEngineTests {

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	static CompiledModel model(Double halfLife, ActionRule... rules) {
		return CompiledModel.compile(1, "default", 1, new ModelDefinition(List.of(new ScoreGroup("default", List.of(),
				new Behaviour(List.of(rules), List.of(), halfLife, List.of("rival.com"), -200), new Bands(150, 300),
				new Grades(150, 90, 40)))));
	}

	static ActionRule rule(String action, int points) {
		return new ActionRule(action, points, null, null, null, null, null, true);
	}

	static GroupScore score(CompiledModel model, List<Touch> touches) {
		return explained(model, ScoringEngine.score(model, anonymous(1), touches, NOW, null).groups().getFirst());
	}

	/** The score of the model's first group with its lines in words. */
	static GroupScore explained(CompiledModel model, GroupScore s) {
		return new GroupScore(s.group(), s.total(), s.band(), s.fitPoints(), s.fitGrade(), s.behaviourPoints(),
				ScoringEngine.explain(model.groups().getFirst(), s.lines()));
	}

	@Test
	void sameTouchesHalfLifeTwiceOlderScoreExactlyAQuarter() {
		// given: a half-life of 90 days and touches at several ages
		CompiledModel model = model(90.0, rule("WEBINAR_ATTEND", 100), rule("EMAIL_CLICK", 30));
		List<Touch> recent = List.of(touch(1, TouchAction.WEBINAR_ATTEND, NOW.minus(Duration.ofDays(3))),
				touch(2, TouchAction.EMAIL_CLICK, NOW.minus(Duration.ofDays(40))),
				touch(3, TouchAction.WEBINAR_ATTEND, NOW.minus(Duration.ofHours(5))));
		List<Touch> older = recent.stream()
			.map(t -> touch(t.id(), t.action(), t.occurredAt().minus(Duration.ofDays(180))))
			.toList();

		// when
		double fresh = score(model, recent).behaviourPoints();
		double aged = score(model, older).behaviourPoints();

		// then: 180 days = two half-lives
		double expected = 100 * Math.pow(0.5, 3 / 90.0) + 30 * Math.pow(0.5, 40 / 90.0)
				+ 100 * Math.pow(0.5, 5 / 24.0 / 90.0);
		then(fresh).isCloseTo(expected, within(0.01));
		then(aged).isCloseTo(expected / 4, within(0.01));
	}

	@Test
	void touchAtExactlyOneHalfLifeCountsHalf() {
		CompiledModel model = model(30.0, rule("TRIAL_REQUEST", 200));

		GroupScore score = score(model, List.of(touch(1, TouchAction.TRIAL_REQUEST, NOW.minus(Duration.ofDays(30)))));

		then(score.behaviourPoints()).isEqualTo(100.0);
		then(score.total()).isEqualTo(100);
		then(score.lines().getFirst().rawPoints()).isEqualTo(200.0);
		then(score.lines().getFirst().explanation()).contains("after decay (half-life 30 days)");
	}

	@Test
	void withoutHalfLifeNothingDecays() {
		CompiledModel model = model(null, rule("TRIAL_REQUEST", 200));

		then(score(model, List.of(touch(1, TouchAction.TRIAL_REQUEST, NOW.minus(Duration.ofDays(900))))).total())
			.isEqualTo(200);
	}

	@Test
	void capLimitsPointsPerActionAndPeriod() {
		// given: page views of 10 points, at most 30 per 7 days
		CompiledModel model = model(null, new ActionRule("PAGE_VIEW", 10, null, null, null, 30, 7, true));
		List<Touch> touches = new ArrayList<>();
		for (int i = 0; i < 5; i++) { // five views in the last week
			touches.add(touch(i, TouchAction.PAGE_VIEW, NOW.minus(Duration.ofDays(1)).plusSeconds(i)));
		}
		touches.add(touch(10, TouchAction.PAGE_VIEW, NOW.minus(Duration.ofDays(8)))); // one in the week before

		// when
		GroupScore score = score(model, touches);

		// then: 30 for last week + 10 for the week before; 20 points cut by the cap
		then(score.behaviourPoints()).isEqualTo(40.0);
		then(score.lines().getFirst().rawPoints()).isEqualTo(60.0);
		then(score.lines().getFirst().cappedPoints()).isEqualTo(20.0);
		then(score.lines().getFirst().explanation()).contains("20 over the cap");
	}

	@Test
	void negativeActionsSubtractAndDoNotDecayWhenExempt() {
		CompiledModel model = model(10.0, rule("WEBINAR_ATTEND", 100),
				new ActionRule("UNSUBSCRIBE", -100, null, null, null, null, null, false),
				rule("EMAIL_BOUNCE", -20));

		GroupScore score = score(model, List.of(touch(1, TouchAction.WEBINAR_ATTEND, NOW),
				touch(2, TouchAction.UNSUBSCRIBE, NOW.minus(Duration.ofDays(100))),
				touch(3, TouchAction.EMAIL_BOUNCE, NOW.minus(Duration.ofDays(10)))));

		then(score.behaviourPoints()).isEqualTo(100 - 100 - 10.0);
		then(score.total()).isEqualTo(-10);
		then(score.band()).isEqualTo(ScoreBand.COOL);
	}

	@Test
	void competitorEmailDomainCostsPoints() {
		CompiledModel model = model(null, rule("WEBINAR_ATTEND", 100));

		GroupScore score = ScoringEngine
			.score(model, Leads.withEmail(1, "Spy@Rival.com"), List.of(touch(1, TouchAction.WEBINAR_ATTEND, NOW)), NOW,
					null)
			.groups()
			.getFirst();

		then(score.total()).isEqualTo(-100);
		then(score.lines()).anySatisfy(l -> then(l.key()).isEqualTo("COMPETITOR_DOMAIN"));
	}

	@Test
	void minutesWatchedScaleThePointsUpToTheMaximumSteps() {
		// given: 40 base + 25 per full 10 minutes, at most 12 steps
		CompiledModel model = model(null, new ActionRule("WEBINAR_ATTEND", 40, 10, 25, 12, null, null, true));

		then(score(model, List.of(watched(1, TouchAction.WEBINAR_ATTEND, NOW, 40))).total()).isEqualTo(140);
		then(score(model, List.of(watched(1, TouchAction.WEBINAR_ATTEND, NOW, 49))).total()).isEqualTo(140);
		then(score(model, List.of(watched(1, TouchAction.WEBINAR_ATTEND, NOW, 9))).total()).isEqualTo(40);
		then(score(model, List.of(watched(1, TouchAction.WEBINAR_ATTEND, NOW, 600))).total()).isEqualTo(40 + 12 * 25);
	}

	@Test
	void bandsAtTheBoundaries() {
		CompiledModel model = model(null, rule("FORM_SUBMIT", 1));
		int[] totals = { 149, 150, 300, 301 };
		List<ScoreBand> bands = new ArrayList<>();
		for (int total : totals) {
			List<Touch> touches = new ArrayList<>();
			for (int i = 0; i < total; i++) {
				touches.add(touch(i, TouchAction.FORM_SUBMIT, NOW));
			}
			GroupScore score = score(model, touches);
			then(score.total()).isEqualTo(total);
			bands.add(score.band());
		}

		then(bands).containsExactly(ScoreBand.COOL, ScoreBand.WARM, ScoreBand.WARM, ScoreBand.HOT);
	}

	@Test
	void overridesReplaceBasePointsMostSpecificFirst() {
		CompiledModel model = CompiledModel.compile(1, "default", 1, new ModelDefinition(List.of(new ScoreGroup(
				"default", List.of(),
				new Behaviour(List.of(rule("PAGE_VIEW", 2)),
						List.of(new ModelDefinition.ActionOverride("PAGE_VIEW", null, "pricing", 15),
								new ModelDefinition.ActionOverride("PAGE_VIEW", "wechat", null, 5),
								new ModelDefinition.ActionOverride("PAGE_VIEW", "wechat", "pricing", 20)),
						null, null, null),
				null, null))));

		then(score(model, List.of(touch(1, TouchAction.PAGE_VIEW, NOW, "web", "blog"))).total()).isEqualTo(2);
		then(score(model, List.of(touch(1, TouchAction.PAGE_VIEW, NOW, "web", "pricing"))).total()).isEqualTo(15);
		then(score(model, List.of(touch(1, TouchAction.PAGE_VIEW, NOW, "wechat", "blog"))).total()).isEqualTo(5);
		then(score(model, List.of(touch(1, TouchAction.PAGE_VIEW, NOW, "wechat", "pricing"))).total()).isEqualTo(20);
	}

	@Test
	void recyclingResetsOrDecaysEarlierBehaviourAndSaysSo() {
		CompiledModel model = model(null, rule("TRIAL_REQUEST", 200), rule("EMAIL_CLICK", 10));
		List<Touch> touches = List.of(touch(1, TouchAction.TRIAL_REQUEST, NOW.minus(Duration.ofDays(20))),
				touch(2, TouchAction.EMAIL_CLICK, NOW.minus(Duration.ofDays(1))));
		Instant recycledAt = NOW.minus(Duration.ofDays(10));

		GroupScore reset = ScoringEngine.score(model, anonymous(1), touches, NOW, new Recycled(recycledAt, 0, "BUDGET"))
			.groups().getFirst();
		GroupScore halved = ScoringEngine
			.score(model, anonymous(1), touches, NOW, new Recycled(recycledAt, 0.5, "TIMING")).groups().getFirst();

		then(reset.total()).isEqualTo(10);
		then(reset.lines()).anySatisfy(l -> {
			then(l.key()).isEqualTo("RECYCLED");
			then(l.points()).isEqualTo(-200.0);
			then(l.explanation()).contains("BUDGET").contains("reset to 0");
		});
		then(halved.total()).isEqualTo(110);
		then(halved.lines()).anySatisfy(l -> then(l.explanation()).contains("kept at 50%"));
	}

	@Test
	void fitCriteriaGiveBantPointsAndAGradeKeptApartFromBehaviour() {
		CompiledModel model = CompiledModel.compile(1, "default", 1, com.leadflow.scoring.model.DefaultModels.definition());

		GroupScore ideal = ScoringEngine.score(model,
				Leads.lead(1, "IT Director", DecisionRole.DECISION_MAKER, "50万", "Clear", "within 3 months", "1000+"),
				List.of(), NOW, null).groups().getFirst();
		GroupScore student = ScoringEngine
			.score(model, Leads.lead(2, "Student", DecisionRole.LEARNER, "no", null, "2 years", null), List.of(), NOW, null)
			.groups().getFirst();

		// budget 50万 ≥ 100k (40) + decision maker (50) + clear need (40) + ≤ 3 months (50) + senior title (20) + 500+ (20)
		then(ideal.fitPoints()).isEqualTo(220.0);
		then(ideal.fitGrade()).isEqualTo(FitGrade.A);
		then(ideal.behaviourPoints()).isZero();
		then(ideal.lines()).extracting(l -> l.key())
			.containsExactly("budget-100k", "decision-maker", "need-clear", "buy-3m", "title-senior", "company-large");
		// no budget (-20) + learner (-10) + later than 12 months (-10) + student (-30)
		then(student.fitPoints()).isEqualTo(-70.0);
		then(student.fitGrade()).isEqualTo(FitGrade.D);
	}

	@Test
	void eachScoreGroupHasItsOwnRulesAndBands() {
		CompiledModel model = CompiledModel.compile(1, "default", 1, new ModelDefinition(List.of(
				new ScoreGroup("meters", List.of(), new Behaviour(List.of(rule("WEBINAR_ATTEND", 100)), null, null, null,
						null), new Bands(50, 90), null),
				new ScoreGroup("cameras", List.of(), new Behaviour(List.of(rule("TRIAL_REQUEST", 100)), null, null,
						null, null), new Bands(150, 300), null))));

		List<GroupScore> groups = ScoringEngine
			.score(model, anonymous(1), List.of(touch(1, TouchAction.WEBINAR_ATTEND, NOW)), NOW, null)
			.groups();

		then(groups).extracting(GroupScore::group).containsExactly("meters", "cameras");
		then(groups).extracting(GroupScore::total).containsExactly(100, 0);
		then(groups).extracting(GroupScore::band).containsExactly(ScoreBand.HOT, ScoreBand.COOL);
	}

	@Test
	void timeframesAreReadInWholeMonths() {
		then(LeadFacts.months("within 3 months")).isEqualTo(3.0);
		then(LeadFacts.months("5 weeks")).isEqualTo(2.0);
		then(LeadFacts.months("6个月")).isEqualTo(6.0);
		then(LeadFacts.months("1 year")).isEqualTo(12.0);
		then(LeadFacts.months("immediately")).isEqualTo(0.0);
		then(LeadFacts.amount("¥200,000")).isEqualTo(200_000.0);
		then(LeadFacts.amount("1.5m")).isEqualTo(1_500_000.0);
	}
}
