package com.leadflow.core.web;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.UserAccounts;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeadApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts users;

	RestClient http;

	@BeforeEach
	void setUp() {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		http = TestHttp.as(port, users, Role.MARKETER);
	}

	ResponseEntity<JsonNode> post(String path, Object body) {
		return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
	}

	JsonNode get(String path) {
		ResponseEntity<JsonNode> response = http.get().uri(path).retrieve().toEntity(JsonNode.class);
		then(response.getStatusCode().value()).as(path).isEqualTo(200);
		return response.getBody();
	}

	static Map<String, Object> arrival(String name, String email, String phone, String company, String action,
			String content) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("name", name);
		body.put("email", email);
		body.put("phone", phone);
		body.put("title", "采购经理");
		body.put("region", "华北");
		body.put("company", company == null ? null : Map.of("name", company, "industry", "Manufacturing"));
		body.put("touch", Map.of("action", action, "channel", "WEB_FORM", "contentId", content == null ? "" : content));
		body.put("source", "WEB_FORM");
		return body;
	}

	@Test
	void createsThenMatchesAndSaysWhichKeysMatched() {
		ResponseEntity<JsonNode> created = post("/api/leads",
				arrival("赵敏", "zhao.min@example.cn", "13800001234", "某某科技有限公司", "WHITEPAPER_DOWNLOAD", "wp-cloud"));
		ResponseEntity<JsonNode> matched = post("/api/leads",
				arrival(null, null, "+86 138-0000-1234", null, "WEBINAR_ATTEND", "webinar-7"));

		then(created.getStatusCode().value()).isEqualTo(201);
		then(created.getBody().path("outcome").asString()).isEqualTo("CREATED");
		then(created.getHeaders().getLocation().getPath()).isEqualTo("/api/leads/" + created.getBody().path("leadId").asLong());
		then(matched.getStatusCode().value()).isEqualTo(200);
		then(matched.getBody().path("outcome").asString()).isEqualTo("MATCHED");
		then(matched.getBody().path("matchedKeys").valueStream().map(JsonNode::asString)).containsExactly("PHONE");
		then(matched.getBody().path("leadId").asLong()).isEqualTo(created.getBody().path("leadId").asLong());
	}

	@Test
	void theProfileCarriesTheLeadsCurrentScore() {
		long id = post("/api/leads", arrival("钱程", "qian.cheng@example.cn", null, "某某科技有限公司", "WHITEPAPER_DOWNLOAD",
				"wp-cloud")).getBody().path("leadId").asLong();

		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode score = get("/api/scoring/leads/" + id + "/score").path("scores").get(0);
			then(score).isNotNull();
			JsonNode profile = get("/api/leads/" + id).path("score");
			then(profile.path("total").asInt()).isEqualTo(score.path("total").asInt());
			then(profile.path("band").asString()).isEqualTo(score.path("band").asString());
			then(profile.path("modelId").asLong()).isEqualTo(score.path("modelId").asLong());
		});
	}

	@Test
	void showsThe360ProfileWithIdentitiesCompanyTagsCompletenessAndTimeline() {
		long id = post("/api/leads", arrival("赵敏", "zhao.min@example.cn", "13800001234", "某某科技有限公司",
				"WHITEPAPER_DOWNLOAD", "wp-cloud")).getBody().path("leadId").asLong();
		post("/api/leads", arrival(null, "ZHAO.MIN@example.cn", null, null, "WEBINAR_ATTEND", "webinar-7"));
		post("/api/leads/" + id + "/tags", Map.of("tag", "vip"));

		JsonNode profile = get("/api/leads/" + id);

		then(profile.path("lead").path("name").asString()).isEqualTo("赵敏");
		then(profile.path("lead").path("companyName").asString()).isEqualTo("某某科技有限公司");
		then(profile.path("identities").valueStream().map(i -> i.path("kind").asString() + ":" + i.path("value").asString()))
			.containsExactly("EMAIL:zhao.min@example.cn", "PHONE:+8613800001234");
		then(profile.path("tags").valueStream().map(t -> t.path("tag").asString()))
			.containsExactly("interest:wp-cloud", "vip", "webinar:webinar-7");
		then(profile.path("completeness").path("complete").asBoolean()).isTrue();
		then(profile.path("touchCount").asInt()).isEqualTo(2);
		then(profile.path("timeline").valueStream().map(t -> t.path("action").asString()))
			.containsExactly("WEBINAR_ATTEND", "WHITEPAPER_DOWNLOAD");
		then(get("/api/leads/" + id + "/timeline?page=1&size=1").path("touches").get(0).path("action").asString())
			.isEqualTo("WHITEPAPER_DOWNLOAD");
	}

	@Test
	void refusesBadInputNamingTheFieldAndStoresNothing() {
		ResponseEntity<JsonNode> badKeys = post("/api/leads", arrival("X", "nope@", "12", null, "FORM_SUBMIT", null));
		ResponseEntity<JsonNode> noKey = post("/api/leads", arrival("Nobody", null, null, null, "FORM_SUBMIT", null));
		ResponseEntity<JsonNode> badAction = post("/api/leads", arrival("Y", "y@example.com", null, null, "DANCE", null));
		ResponseEntity<JsonNode> noTouch = post("/api/leads", Map.of("email", "z@example.com"));

		then(badKeys.getStatusCode().value()).isEqualTo(400);
		then(badKeys.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		then(fields(badKeys)).containsExactly("email", "phone");
		then(noKey.getStatusCode().value()).isEqualTo(400);
		then(noKey.getBody().path("type").asString()).isEqualTo("/problems/no-identity");
		then(fields(badAction)).containsExactly("touch.action");
		then(fields(noTouch)).containsExactly("touch");
		then(jdbc.queryForObject("select count(*) from lead", Long.class)).isZero();
	}

	@Test
	void oldIdsOfMergedLeadsResolveToTheSurvivorUntilTheMergeIsUndone() {
		long a = post("/api/leads", arrival("Ma Li", "ma.li@example.com", null, null, "FORM_SUBMIT", null)).getBody().path("leadId").asLong();
		long b = post("/api/leads", arrival("马丽", null, "13600000001", null, "CALL", null)).getBody().path("leadId").asLong();

		String anna = "anna-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		RestClient asAnna = TestHttp.as(port, users, anna, Role.MARKETER, null);
		ResponseEntity<JsonNode> merge = asAnna.post().uri("/api/leads/" + a + "/merge")
			.contentType(MediaType.APPLICATION_JSON).header("X-Actor", "mallory")
			.body(Map.of("absorbLeadId", b, "reason", "same person")).retrieve().toEntity(JsonNode.class);
		then(merge.getStatusCode().value()).isEqualTo(200);
		then(merge.getBody().path("actor").asString()).as("the authenticated caller, not a header").isEqualTo(anna);
		JsonNode viaOldId = get("/api/leads/" + b);
		then(viaOldId.path("id").asLong()).isEqualTo(a);
		then(viaOldId.path("requestedId").asLong()).isEqualTo(b);
		then(viaOldId.path("touchCount").asInt()).isEqualTo(2);

		ResponseEntity<JsonNode> undo = post("/api/merges/" + merge.getBody().path("id").asLong() + "/undo", Map.of());
		then(undo.getStatusCode().value()).isEqualTo(200);
		then(get("/api/leads/" + b).path("id").asLong()).isEqualTo(b);
		then(post("/api/merges/" + merge.getBody().path("id").asLong() + "/undo", Map.of()).getStatusCode().value())
			.isEqualTo(409);
		then(http.get().uri("/api/leads/999999").retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void similarNamesAtOneCompanyWaitInTheReviewQueueAndCanBeMergedOrDismissed() {
		post("/api/leads", arrival("Wang Xiaoming", "wxm@corp-a.com", null, "Corp A Ltd", "FORM_SUBMIT", null));
		post("/api/leads", arrival("Wang Xiao Ming", "xiaoming@gmail.com", null, "CORP A Co., Ltd.", "FORM_SUBMIT", null));
		post("/api/leads", arrival("Li Si", "lisi@corp-a.com", null, "Corp A", "FORM_SUBMIT", null));

		JsonNode queue = get("/api/duplicate-candidates");
		then(queue.size()).isEqualTo(1);
		then(queue.get(0).path("reason").asString()).isEqualTo("same company, similar name");
		then(jdbc.queryForObject("select count(*) from lead where merged_into is null", Long.class)).isEqualTo(3);

		ResponseEntity<JsonNode> accepted = post("/api/duplicate-candidates/" + queue.get(0).path("id").asLong() + "/merge", Map.of());
		then(accepted.getStatusCode().value()).isEqualTo(200);
		then(jdbc.queryForObject("select count(*) from lead where merged_into is null", Long.class)).isEqualTo(2);
		then(get("/api/duplicate-candidates").size()).isZero();
		then(post("/api/duplicate-candidates/" + queue.get(0).path("id").asLong() + "/dismiss", Map.of())
			.getStatusCode().value()).isEqualTo(409);
	}

	@Test
	void activityOfAKnownCustomerNotifiesTheAccountOwner() {
		ResponseEntity<JsonNode> account = post("/api/companies",
				Map.of("name", "华为技术有限公司", "existingCustomer", true, "owner", "sales.wang"));
		then(account.getStatusCode().value()).isEqualTo(200);

		long id = post("/api/leads", arrival("陈工", "chen@huawei.example", null, "华为技术 有限公司", "WEBINAR_REGISTER", null))
			.getBody().path("leadId").asLong();

		JsonNode notices = get("/api/notifications?owner=sales.wang");
		then(notices.size()).isEqualTo(1);
		then(notices.get(0).path("leadId").asLong()).isEqualTo(id);
		then(notices.get(0).path("message").asString()).contains("陈工").contains("WEBINAR_REGISTER");
		then(get("/api/leads/" + id).path("lead").path("existingCustomer").asBoolean()).isTrue();
	}

	@Test
	void searchesByTextKeyTagAndPagesNewestFirst() {
		for (int i = 0; i < 5; i++) {
			post("/api/leads", arrival("Search Person " + i, "p" + i + "@example.com", null, "Globex", "WHITEPAPER_DOWNLOAD",
					i % 2 == 0 ? "wp-even" : "wp-odd"));
		}

		JsonNode first = get("/api/leads?q=search person&limit=2");
		JsonNode second = get("/api/leads?q=search person&limit=2&after=" + first.path("nextAfter").asLong());
		then(first.path("items").valueStream().map(l -> l.path("name").asString()))
			.containsExactly("Search Person 4", "Search Person 3");
		then(second.path("items").valueStream().map(l -> l.path("name").asString()))
			.containsExactly("Search Person 2", "Search Person 1");
		then(get("/api/leads?q=P3@Example.com").path("items").get(0).path("name").asString()).isEqualTo("Search Person 3");
		then(get("/api/leads?tag=interest:wp-even").path("items").size()).isEqualTo(3);
		then(get("/api/leads?q=globex&industry=Manufacturing&channel=WEB_FORM").path("items").size()).isEqualTo(5);
		then(get("/api/leads?q=nobody-like-this").path("items").size()).isZero();
	}

	@Test
	void aLeadsLastTouchIsItsNewestTouchWhateverTheOrderTheyArriveInAndSearchesFilterOnIt() {
		long early = touchAt(arrival("Early Bird", "early@example.com", null, null, "PAGE_VIEW", null), "2026-01-05T08:00:00Z");
		long busy = touchAt(arrival("Busy Bee", "busy@example.com", null, null, "WHITEPAPER_DOWNLOAD", "wp"),
				"2026-01-10T08:00:00Z");
		touchAt(arrival(null, "busy@example.com", null, null, "WEBINAR_ATTEND", "web"), "2026-03-01T08:00:00Z");
		touchAt(arrival(null, "busy@example.com", null, null, "EMAIL_OPEN", null), "2026-02-01T08:00:00Z"); // late report

		then(get("/api/leads/" + busy).path("lead").path("lastTouchAt").asString()).isEqualTo("2026-03-01T08:00:00Z");
		then(get("/api/leads/" + early).path("lead").path("lastTouchAt").asString()).isEqualTo("2026-01-05T08:00:00Z");
		then(get("/api/leads?lastTouchFrom=2026-02-15T00:00:00Z").path("items").valueStream().map(l -> l.path("id").asLong()))
			.containsExactly(busy);
		then(get("/api/leads?lastTouchTo=2026-02-15T00:00:00Z").path("items").valueStream().map(l -> l.path("id").asLong()))
			.containsExactly(early);
		then(get("/api/leads?lastTouchFrom=2026-01-01T00:00:00Z&lastTouchTo=2026-03-01T08:00:00Z").path("items")
			.valueStream().map(l -> l.path("id").asLong())).containsExactly(early);
	}

	/** Sends an arrival whose touch happened at {@code at}; returns its lead's id. */
	private long touchAt(Map<String, Object> arrival, String at) {
		@SuppressWarnings("unchecked")
		Map<String, Object> touch = new java.util.HashMap<>((Map<String, Object>) arrival.get("touch"));
		touch.put("occurredAt", at);
		arrival.put("touch", touch);
		return post("/api/leads", arrival).getBody().path("leadId").asLong();
	}

	private static List<String> fields(ResponseEntity<JsonNode> problem) {
		return problem.getBody().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
	}
}
