package com.leadflow.scoring.lead;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.leadflow.scoring.ScoreLine;

import tools.jackson.databind.json.JsonMapper;

/** The hand-written breakdown JSON is valid JSON of the stored form, and reads back to the same lines. */
class BreakdownJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void linesWithAnyTextRoundTripThroughJackson() {
		List<ScoreLine> lines = List.of(
				new ScoreLine("FIT", "title-\"IT\" \\ director", 1, 30, 0, 30, "职位: IT 总监 +30\n\t(tab) \u0001 😀"),
				new ScoreLine("BEHAVIOUR", "WEBINAR_ATTEND", 3, 120.5, 20.25, 74.13, null),
				new ScoreLine("ADJUSTMENT", "RECYCLED", 1, 0, 0, -12.5, "recycled on 2026-11-01T00:00:00Z (timing)"));

		String written = LeadScores.linesJson(lines);

		then(new LeadScores(null, json).lines(written)).isEqualTo(lines);
		then(json.readTree(written)).isEqualTo(json.readTree(json.writeValueAsString(List.of(
				List.of("FIT", "title-\"IT\" \\ director", 1, 30, 0, 30, "职位: IT 总监 +30\n\t(tab) \u0001 😀"),
				List.of("BEHAVIOUR", "WEBINAR_ATTEND", 3, 120.5, 20.25, 74.13),
				List.of("ADJUSTMENT", "RECYCLED", 1, 0, 0, -12.5, "recycled on 2026-11-01T00:00:00Z (timing)")))));
		then(LeadScores.linesJson(List.of())).isEqualTo("[]");
	}
}
