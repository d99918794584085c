package com.leadflow.campaigns.web;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.core.LeadPool;
import com.leadflow.platform.security.Role;
import com.leadflow.core.Touch;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestionApiTests extends ApiTestSupport {

	@Autowired
	LeadPool pool;

	static Map<String, Object> touch(String key, Object seriesId, String channel, String email, String phone) {
		Map<String, Object> body = new HashMap<>();
		body.put("idempotencyKey", key);
		body.put("seriesId", seriesId);
		body.put("channel", channel);
		body.put("name", "陈静");
		body.put("email", email);
		body.put("phone", phone);
		body.put("company", "杭州某某软件有限公司");
		body.put("industry", "Software");
		body.put("utmSource", "baidu");
		body.put("utmMedium", "cpc");
		body.put("utmCampaign", "q2-brand");
		return body;
	}

	long series(String name) {
		return post("/api/campaign-series", SeriesApiTests.series(name)).getBody().path("id").asLong();
	}

	long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	@Test
	void aTouchIsTaggedWithSeriesChannelAndUtm() {
		long seriesId = series("Brand search");

		ResponseEntity<JsonNode> created = post("/api/ingest/touches",
				touch("form-1", seriesId, "PAID_SEARCH", "chen.jing@example.cn", null));

		then(created.getStatusCode().value()).isEqualTo(201);
		then(created.getBody().path("outcome").asString()).isEqualTo("CREATED");
		List<Touch> timeline = pool.touches(created.getBody().path("leadId").asLong());
		then(timeline).hasSize(1);
		then(timeline.get(0).seriesId()).isEqualTo(seriesId);
		then(timeline.get(0).channel()).isEqualTo("PAID_SEARCH");
		then(timeline.get(0).action().name()).isEqualTo("FORM_SUBMIT");
		then(timeline.get(0).payload()).containsEntry("utmSource", "baidu").containsEntry("utmMedium", "cpc")
			.containsEntry("utmCampaign", "q2-brand");
	}

	@Test
	void aRetriedTouchIsNotCountedTwice() {
		long seriesId = series("Webinar 5");
		Map<String, Object> body = touch("webinar-5:reg-77", seriesId, "WEBINAR", "wu.lei@example.cn", "13700137000");

		ResponseEntity<JsonNode> first = post("/api/ingest/touches", body);
		ResponseEntity<JsonNode> retry = post("/api/ingest/touches", body);

		then(retry.getStatusCode().value()).isEqualTo(200);
		then(retry.getBody().path("outcome").asString()).isEqualTo("DUPLICATE_TOUCH");
		then(retry.getBody().path("touchId").asLong()).isEqualTo(first.getBody().path("touchId").asLong());
		then(pool.touches(first.getBody().path("leadId").asLong())).hasSize(1);
	}

	@Test
	void aTouchWithoutSeriesGoesToTheDefaultSeries() {
		ResponseEntity<JsonNode> created = post("/api/ingest/touches",
				touch("call-1", null, "HOTLINE_400", null, "400-800-8208"));
		JsonNode defaultSeries = get("/api/campaign-series").valueStream()
			.filter(s -> s.path("name").asString().equals("400Inbound")).findFirst().orElseThrow();

		then(pool.touches(created.getBody().path("leadId").asLong()).get(0).seriesId())
			.isEqualTo(defaultSeries.path("id").asLong());
	}

	@Test
	void resendingABatchWithTheSameKeysChangesNothing() {
		long seriesId = series("Roadshow Shenzhen");
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			items.add(touch("roadshow:" + i, seriesId, "OFFLINE_EVENT", "guest" + (i % 40) + "@example.cn", null));
		}
		Map<String, Object> batch = Map.of("items", items);

		JsonNode first = post("/api/ingest/batches", batch).getBody();
		long leads = count("select count(*) from lead");
		long touches = count("select count(*) from touch");
		long attributed = count("select count(*) from campaign_touch");
		JsonNode again = post("/api/ingest/batches", batch).getBody();

		then(first.path("created").asInt()).isEqualTo(40);
		then(first.path("matched").asInt()).isEqualTo(10);
		then(again.path("duplicates").asInt()).isEqualTo(50);
		then(again.path("created").asInt()).isZero();
		then(count("select count(*) from lead")).isEqualTo(leads).isEqualTo(40);
		then(count("select count(*) from touch")).isEqualTo(touches).isEqualTo(50);
		then(count("select count(*) from campaign_touch")).as("the arrivals that created a lead")
			.isEqualTo(attributed).isEqualTo(40);
	}

	@Test
	void attributionCountsLeadsCreatedAndTouchedPerChannelOnceHoweverOftenABatchIsSent() {
		long seriesId = series("Smart factory webinars"); // WEBINAR costs 20,000, EDM 3,000
		Map<String, Object> batch = Map.of("items", List.of(
				touch("w:1", seriesId, "WEBINAR", "a@factory.cn", null), // creates A
				touch("w:2", seriesId, "WEBINAR", "b@factory.cn", null), // creates B
				touch("e:1", seriesId, "EDM", "a@factory.cn", null), // touches A again, by e-mail
				touch("e:2", seriesId, "EDM", "c@factory.cn", null), // creates C
				touch("e:3", seriesId, "EDM", "c@factory.cn", null))); // C again (one by one in the batch)

		post("/api/ingest/batches", batch);
		post("/api/ingest/batches", batch);
		post("/api/ingest/touches", touch("other", series("Other"), "EDM", "a@factory.cn", null));

		JsonNode figures = get("/api/campaign-series/" + seriesId + "/attribution");
		then(figures.path("leadsCreated").asLong()).isEqualTo(3);
		then(figures.path("leadsTouched").asLong()).as("A through two channels, once").isEqualTo(3);
		then(figures.path("touches").asLong()).isEqualTo(5);
		then(figures.path("costPerNewLead").decimalValue()).isEqualByComparingTo("7666.67");
		then(figures.path("channels").valueStream()
			.map(c -> c.path("channel").asString() + " " + c.path("leadsCreated").asLong() + " "
					+ c.path("leadsTouched").asLong() + " " + c.path("touches").asLong() + " "
					+ c.path("costPerNewLead").decimalValue().stripTrailingZeros().toPlainString()))
			.containsExactlyInAnyOrder("WEBINAR 2 2 2 10000", "EDM 1 2 3 3000");
	}

	@Test
	void aBadItemIsRejectedAndTheOthersAreStored() {
		List<Map<String, Object>> items = List.of(touch("a", null, "API", "ok@example.cn", null),
				touch("b", null, "API", "not-an-email", null), touch("c", null, "API", null, null));

		JsonNode response = post("/api/ingest/batches", Map.of("items", items)).getBody();

		then(response.path("created").asInt()).isEqualTo(1);
		then(response.path("rejected").asInt()).isEqualTo(2);
		then(response.path("results").get(1).path("errors").get(0).path("field").asString()).isEqualTo("email");
		then(response.path("results").get(2).path("errors").get(0).path("field").asString()).isEqualTo("email");
	}

	@Test
	void anIntegratorsIngestKeyMayIngestButNotManageSeries() {
		RestClient admin = TestHttp.as(port, users, Role.ADMIN);
		String secret = admin.post().uri("/api/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "webinar-platform", "scopes", Set.of("ingest"))).retrieve().body(JsonNode.class)
			.path("secret").asString();
		RestClient integrator = TestHttp.withApiKey(port, secret);

		int ingest = integrator.post().uri("/api/ingest/touches").contentType(MediaType.APPLICATION_JSON)
			.body(touch("wp-1", null, "WEBINAR", "li.ming@example.cn", null)).retrieve().toBodilessEntity()
			.getStatusCode().value();
		int series = integrator.post().uri("/api/campaign-series").contentType(MediaType.APPLICATION_JSON)
			.body(SeriesApiTests.series("not allowed")).retrieve().toBodilessEntity().getStatusCode().value();
		int anonymous = TestHttp.anonymous(port).post().uri("/api/ingest/touches").contentType(MediaType.APPLICATION_JSON)
			.body(touch("wp-2", null, "WEBINAR", "li.ming@example.cn", null)).retrieve().toBodilessEntity()
			.getStatusCode().value();

		then(ingest).isEqualTo(201);
		then(series).isEqualTo(403);
		then(anonymous).isEqualTo(401);
	}

	@Test
	void aBatchOfMoreThanAThousandIsRefused() {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			items.add(touch("k" + i, null, "API", "p" + i + "@example.cn", null));
		}

		ResponseEntity<JsonNode> response = post("/api/ingest/batches", Map.of("items", items));

		then(response.getStatusCode().value()).isEqualTo(400);
		then(fields(response.getBody())).containsExactly("items");
		then(count("select count(*) from lead")).isZero();
	}

	@Test
	void missingKeyChannelAndUnknownSeriesAreNamed() {
		Map<String, Object> noKey = touch(null, null, null, "x@example.cn", null);
		ResponseEntity<JsonNode> invalid = post("/api/ingest/touches", noKey);
		ResponseEntity<JsonNode> unknownSeries = post("/api/ingest/touches",
				touch("z", 999_999, "API", "x@example.cn", null));

		then(invalid.getStatusCode().value()).isEqualTo(400);
		then(fields(invalid.getBody())).containsExactlyInAnyOrder("idempotencyKey", "channel");
		then(unknownSeries.getStatusCode().value()).isEqualTo(400);
		then(fields(unknownSeries.getBody())).containsExactly("seriesId");
	}
}
