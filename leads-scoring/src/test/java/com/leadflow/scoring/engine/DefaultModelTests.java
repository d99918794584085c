package com.leadflow.scoring.engine;

import static com.leadflow.scoring.engine.Leads.anonymous;
import static com.leadflow.scoring.engine.Leads.touch;
import static com.leadflow.scoring.engine.Leads.watched;
import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.leadflow.core.Touch;
import com.leadflow.core.TouchAction;
import com.leadflow.scoring.GroupScore;
import com.leadflow.scoring.ScoreBand;
import com.leadflow.scoring.model.DefaultModels;
import com.leadflow.scoring.model.ModelValidator;

class DefaultModelTests {

	static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	final CompiledModel model = CompiledModel.compile(1, "default", 1, DefaultModels.definition());

	@Test
	void shippedModelIsValid() {
		then(ModelValidator.validate(DefaultModels.definition())).isEmpty();
	}

	@Test
	void whitepaperThenWebinarThenTrialMovesCoolWarmHotEachStepExplained() {
		List<Touch> timeline = new ArrayList<>();

		timeline.add(touch(1, TouchAction.WHITEPAPER_DOWNLOAD, T0));
		GroupScore afterWhitepaper = score(timeline, T0.plus(Duration.ofMinutes(1)));

		timeline.add(watched(2, TouchAction.WEBINAR_ATTEND, T0.plus(Duration.ofDays(2)), 40));
		GroupScore afterWebinar = score(timeline, T0.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(1)));

		timeline.add(touch(3, TouchAction.TRIAL_REQUEST, T0.plus(Duration.ofDays(3))));
		GroupScore afterTrial = score(timeline, T0.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)));

		then(afterWhitepaper.band()).isEqualTo(ScoreBand.COOL);
		then(afterWhitepaper.total()).isEqualTo(40);
		then(afterWhitepaper.lines()).singleElement()
			.satisfies(l -> then(l.explanation()).startsWith("WHITEPAPER_DOWNLOAD ×1: 40 points"));

		then(afterWebinar.band()).isEqualTo(ScoreBand.WARM);
		then(afterWebinar.total()).isBetween(150, 300);
		then(afterWebinar.lines()).anySatisfy(l -> {
			then(l.key()).isEqualTo("WEBINAR_ATTEND");
			then(l.rawPoints()).isEqualTo(140.0); // 40 + 4 × 25 for 40 minutes
		});

		then(afterTrial.band()).isEqualTo(ScoreBand.HOT);
		then(afterTrial.total()).isGreaterThan(300);
		then(afterTrial.lines()).extracting(l -> l.key())
			.containsExactlyInAnyOrder("WHITEPAPER_DOWNLOAD", "WEBINAR_ATTEND", "TRIAL_REQUEST");
	}

	@Test
	void wechatFollowWeighsLittleAndLiveStreamMuch() {
		GroupScore follow = score(List.of(touch(1, TouchAction.WECHAT_FOLLOW, T0)), T0);
		GroupScore stream = score(List.of(watched(1, TouchAction.LIVE_STREAM_VIEW, T0, 60)), T0);

		then(follow.total()).isEqualTo(5);
		then(stream.total()).isEqualTo(40 + 6 * 25);
	}

	private GroupScore score(List<Touch> touches, Instant now) {
		return ScoringEngineTests.explained(model, ScoringEngine.score(model, anonymous(7), touches, now, null).groups().getFirst());
	}
}
