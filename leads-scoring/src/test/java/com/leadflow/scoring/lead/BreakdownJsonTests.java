package com.leadflow.scoring.lead;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.leadflow.scoring.ScoreLine;

import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-written breakdown JSON is valid JSON of the stored form, the fit part's lines apart from the others, and
 * reads back to the same lines.
 */
class BreakdownJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void linesWithAnyTextRoundTripThroughJackson() {
		List<ScoreLine> lines = List.of(
				new ScoreLine("FIT", "title-\"IT\" \\ director", 1, 30, 0, 30, "职位: IT 总监 +30\n\t(tab) \u0001 😀"),
				new ScoreLine("BEHAVIOUR", "WEBINAR_ATTEND", 3, 120.5, 20.25, 74.13, null),
				new ScoreLine("ADJUSTMENT", "RECYCLED", 1, 0, 0, -12.5, "recycled on 2026-11-01T00:00:00Z (timing)"));

		String fit = LeadScores.linesJson(lines, true);
		String behaviour = LeadScores.linesJson(lines, false);

		then(new LeadScores(null, json).lines(fit, behaviour)).isEqualTo(lines);
		then(json.readTree(fit)).isEqualTo(json.readTree(json.writeValueAsString(List.of(
				List.of("FIT", "title-\"IT\" \\ director", 1, 30, 0, 30, "职位: IT 总监 +30\n\t(tab) \u0001 😀")))));
		then(json.readTree(behaviour)).isEqualTo(json.readTree(json.writeValueAsString(List.of(
				List.of("BEHAVIOUR", "WEBINAR_ATTEND", 3, 120.5, 20.25, 74.13),
				List.of("ADJUSTMENT", "RECYCLED", 1, 0, 0, -12.5, "recycled on 2026-11-01T00:00:00Z (timing)")))));
		then(LeadScores.linesJson(List.of(), true)).isEqualTo("[]");
		then(LeadScores.linesJson(lines.subList(1, 3), true)).isEqualTo("[]");
	}
}
