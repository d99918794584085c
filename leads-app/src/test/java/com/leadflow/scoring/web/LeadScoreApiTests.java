package com.leadflow.scoring.web;

import static org.assertj.core.api.BDDAssertions.then;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.core.LeadPool;
import com.leadflow.core.TouchAction;
import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.UserAccounts;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeadScoreApiTests {

	@LocalServerPort
	int port;

	@Autowired
	LeadPool pool;

	@Autowired
	UserAccounts users;

	RestClient marketer;

	RestClient http() {
		if (marketer == null) {
			marketer = TestHttp.as(port, users, Role.MARKETER);
		}
		return marketer;
	}

	@Test
	void whitepaperThenWebinarThenTrialMovesALeadCoolWarmHotWithinASecondEach() {
		String email = "journey@example.com";

		long lead = ScoringHttp.arrive(pool, email, TouchAction.WHITEPAPER_DOWNLOAD, null);
		JsonNode cool = awaitBand(lead, "COOL");
		ScoringHttp.arrive(pool, email, TouchAction.WEBINAR_ATTEND, 40);
		JsonNode warm = awaitBand(lead, "WARM");
		ScoringHttp.arrive(pool, email, TouchAction.TRIAL_REQUEST, null);
		JsonNode hot = awaitBand(lead, "HOT");

		then(cool.path("total").asInt()).isEqualTo(40);
		then(warm.path("total").asInt()).isEqualTo(180);
		then(hot.path("total").asInt()).isEqualTo(330);
		then(hot.path("fitGrade").asString()).isEqualTo("D");
		then(hot.path("scope").asString()).isEqualTo("default");
		then(hot.path("lines").valueStream().map(l -> l.path("explanation").asString()))
			.anySatisfy(e -> then(e).startsWith("WEBINAR_ATTEND ×1: 140 points"))
			.anySatisfy(e -> then(e).startsWith("TRIAL_REQUEST ×1: 150 points"));
	}

	@Test
	void distributionCountsLeadsPerBand() {
		long cool = ScoringHttp.arrive(pool, "dist-cool@example.com", TouchAction.WECHAT_FOLLOW, null);
		long hot = ScoringHttp.arrive(pool, "dist-hot@example.com", TouchAction.DEMO_REQUEST, null);
		ScoringHttp.arrive(pool, "dist-hot@example.com", TouchAction.TRIAL_REQUEST, null);
		ScoringHttp.arrive(pool, "dist-hot@example.com", TouchAction.WHITEPAPER_DOWNLOAD, null); // 340 > 300
		awaitBand(cool, "COOL");
		awaitBand(hot, "HOT");

		JsonNode distribution = http().get().uri("/api/scoring/distribution").retrieve().body(JsonNode.class);

		then(distribution.path("bands").path("HOT").asLong()).isGreaterThanOrEqualTo(1);
		then(distribution.path("leads").asLong()).isEqualTo(distribution.path("bands").path("COOL").asLong()
				+ distribution.path("bands").path("WARM").asLong() + distribution.path("bands").path("HOT").asLong());
		then(distribution.path("grades").path("D").asLong()).isEqualTo(distribution.path("leads").asLong());
	}

	@Test
	void recyclingResetsBehaviourAndTheExplanationSaysSo() {
		long lead = ScoringHttp.arrive(pool, "recycle@example.com", TouchAction.DEMO_REQUEST, null);
		awaitBand(lead, "WARM");

		JsonNode recycled = http().post()
			.uri("/api/scoring/leads/{id}/recycle", lead)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"keepFraction\": 0, \"reason\": \"BUDGET\"}")
			.retrieve()
			.body(JsonNode.class);

		JsonNode score = recycled.path("scores").get(0);
		then(score.path("total").asInt()).isZero();
		then(score.path("band").asString()).isEqualTo("COOL");
		then(score.path("lines").valueStream().map(l -> l.path("explanation").asString()))
			.anySatisfy(e -> then(e).contains("(BUDGET)").contains("reset to 0"));
	}

	@Test
	void unknownLeadIs404AndBadRecycleIs400() {
		ResponseEntity<JsonNode> missing = http().get().uri("/api/scoring/leads/987654/score").retrieve()
			.toEntity(JsonNode.class);
		ResponseEntity<JsonNode> bad = http().post()
			.uri("/api/scoring/leads/1/recycle")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"keepFraction\": 2}")
			.retrieve()
			.toEntity(JsonNode.class);

		then(missing.getStatusCode().value()).isEqualTo(404);
		then(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		then(bad.getStatusCode().value()).isEqualTo(400);
		then(bad.getBody().path("errors").get(0).path("field").asString()).isEqualTo("keepFraction");
	}

	@Test
	void anSdrSeesScoresOfTheirOwnLeadsOnly() {
		long own = ScoringHttp.arrive(pool, "sdr-own@example.com", TouchAction.FORM_SUBMIT, null);
		long other = ScoringHttp.arrive(pool, "sdr-other@example.com", TouchAction.FORM_SUBMIT, null);
		pool.assignOwner(own, "sdr-amy", "TEST");
		RestClient sdr = TestHttp.as(port, users, "sdr-amy", Role.SDR, null);
		RestClient anonymous = TestHttp.anonymous(port);

		then(sdr.get().uri("/api/scoring/leads/{id}/score", own).retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
		then(sdr.get().uri("/api/scoring/leads/{id}/score", other).retrieve().toBodilessEntity().getStatusCode()
			.value()).isEqualTo(404);
		then(sdr.post().uri("/api/scoring/models").contentType(MediaType.APPLICATION_JSON).body("{}").retrieve()
			.toBodilessEntity().getStatusCode().value()).isEqualTo(403);
		then(anonymous.get().uri("/api/scoring/leads/{id}/score", own).retrieve().toBodilessEntity().getStatusCode()
			.value()).isEqualTo(401);
	}

	private JsonNode awaitBand(long lead, String band) {
		return await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(25))
			.until(() -> {
				ResponseEntity<JsonNode> r = http().get().uri("/api/scoring/leads/{id}/score", lead).retrieve()
					.toEntity(JsonNode.class);
				return r.getStatusCode().value() == 200 ? r.getBody().path("scores").get(0) : null;
			}, s -> s != null && band.equals(s.path("band").asString()));
	}
}
