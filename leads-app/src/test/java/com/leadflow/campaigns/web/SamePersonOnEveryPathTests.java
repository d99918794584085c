package com.leadflow.campaigns.web;

import static org.assertj.core.api.BDDAssertions.then;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * One person, written as different hands write them, through every path into the pool: the lead API, batch ingestion
 * and an import (with its dry run). Every path parses the arrival the same way, so every variant reaches one lead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "leadflow.campaigns.import.poll-interval=200ms")
class SamePersonOnEveryPathTests extends ApiTestSupport {

	static Map<String, Object> lead(String name, String email, String phone, String company) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("email", email);
		body.put("phone", phone);
		body.put("company", company == null ? null : Map.of("name", company));
		body.put("touch", Map.of("action", "FORM_SUBMIT", "channel", "WEB_FORM"));
		return body;
	}

	static Map<String, Object> touch(String key, String name, String email, String phone, String company) {
		Map<String, Object> body = new HashMap<>();
		body.put("idempotencyKey", key);
		body.put("channel", "WEBINAR");
		body.put("name", name);
		body.put("email", email);
		body.put("phone", phone);
		body.put("company", company);
		return body;
	}

	@Test
	void everyVariantOfOnePersonOnEveryPathIsOneLead() throws Exception {
		// full-width IME digits, a mobile prefix libphonenumber does not list yet, a spaced name
		ResponseEntity<JsonNode> first = post("/api/leads",
				lead("陈 静", "Chen.Jing@KaiDe.cn", "１６４５５５２０８４９", "北京凯德金融信息有限公司"));
		then(first.getStatusCode().value()).as(first.getBody().toString()).isEqualTo(201);
		long id = first.getBody().path("leadId").asLong();
		then(first.getBody().path("warnings").valueStream().map(w -> w.path("field").asString())).contains("phone");

		JsonNode batch = post("/api/ingest/batches", Map.of("items", List.of(
				touch("b-1", "陳靜", null, "+86 164 5552 0849", "凯德金融信息（北京）有限公司"),
				touch("b-2", "陈静", "chen.jing＠kaide.cn", null, "凯德金融信息(北京)有限公司"),
				touch("b-3", null, null, "16455520849", null)))).getBody();
		then(batch.path("results").valueStream().map(r -> r.path("outcome").asString() + ":" + r.path("leadId").asLong()))
			.containsOnly("MATCHED:" + id);

		String csv = "姓名,手机号,邮箱,公司\n陈静,0086 16455520849,,北京市凯德金融信息有限公司\n"
				+ "陈静,,<CHEN.JING@kaide.cn>,凯德金融信息有限公司\n";
		JsonNode dry = runImport(csv, true, false);
		JsonNode real = runImport(csv, false, false);
		then(List.of(dry, real)).allSatisfy(job -> {
			then(job.path("status").asString()).isEqualTo("SUCCEEDED");
			then(job.path("created").asLong()).isZero();
			then(job.path("matched").asLong()).isEqualTo(2);
			then(job.path("failed").asLong()).isZero();
		});

		then(jdbc.queryForObject("select count(*) from lead where merged_into is null", Long.class)).isEqualTo(1);
		then(jdbc.queryForObject("select count(*) from company", Long.class)).as("four spellings, one company").isEqualTo(1);
		JsonNode profile = get("/api/leads/" + id);
		then(profile.path("identities").valueStream().map(i -> i.path("kind").asString() + ":" + i.path("value").asString()))
			.containsExactlyInAnyOrder("EMAIL:chen.jing@kaide.cn", "PHONE:+8616455520849");
		then(profile.path("lead").path("companyName").asString()).as("the first spelling is kept for display")
			.isEqualTo("北京凯德金融信息有限公司");
		then(profile.path("touchCount").asInt()).isEqualTo(6);
	}

	@Test
	void theSamePersonArrivingOnceByPhoneAndOnceByEmailAtAVariantOfTheCompanyIsMerged() {
		long byPhone = post("/api/leads", lead("王芳", null, "13911112222", "上海华信软件股份有限公司")).getBody()
			.path("leadId").asLong();

		JsonNode byEmail = post("/api/ingest/touches", touch("t-1", "王 芳", "wang.fang@huaxin.cn", null,
				"华信软件（上海）股份有限公司")).getBody();
		// the same common name at another company is another person
		JsonNode other = post("/api/ingest/touches", touch("t-2", "王芳", "wangfang@qq.com", null, "深圳宏达电子有限公司"))
			.getBody();

		then(byEmail.path("leadId").asLong()).isEqualTo(byPhone);
		then(byEmail.path("matchedKeys").valueStream().map(JsonNode::asString)).contains("NAME_AND_COMPANY");
		then(other.path("leadId").asLong()).isNotEqualTo(byPhone);
		then(other.path("outcome").asString()).isEqualTo("CREATED");
	}

	@Test
	void aBadValueIsDroppedWithAWarningUnlessTheCallerAsksForStrict() throws Exception {
		ResponseEntity<JsonNode> lenient = post("/api/leads", lead("张伟", "not-an-email", "13800138000", null));
		then(lenient.getStatusCode().value()).isEqualTo(201);
		then(lenient.getBody().path("warnings").valueStream().map(w -> w.path("field").asString() + ": "
				+ w.path("message").asString())).anyMatch(w -> w.startsWith("email: dropped"));

		Map<String, Object> strict = lead("张伟", "not-an-email", "13800138000", null);
		strict.put("strict", true);
		ResponseEntity<JsonNode> refused = post("/api/leads", strict);
		then(refused.getStatusCode().value()).isEqualTo(400);
		then(fields(refused.getBody())).containsExactly("email");

		Map<String, Object> strictTouch = touch("s-1", "张伟", "not-an-email", "13800138000", null);
		strictTouch.put("strict", true);
		then(post("/api/ingest/touches", strictTouch).getStatusCode().value()).isEqualTo(400);
		then(jdbc.queryForObject("select count(*) from touch", Long.class)).as("nothing half-written").isEqualTo(1);
	}

	@Test
	void anImportKeepsTheGoodIdentitiesOfARowReportsWhatItDroppedAndADryRunSaysExactlyThat() throws Exception {
		String csv = """
				姓名,手机号,邮箱,公司
				张伟,１３８００１３８０００,not-an-email,某某科技
				李娜,13900001111,lina@example.cn,某某科技
				李娜,139-0000-1111,,某某科技
				王芳,,,某某科技
				""";

		JsonNode dry = runImport(csv, true, false);
		JsonNode real = runImport(csv, false, false);

		for (String count : List.of("created", "matched", "duplicatesInFile", "failed", "withWarnings", "stored")) {
			then(dry.path(count).asLong()).as("dry run vs real run: " + count).isEqualTo(real.path(count).asLong());
		}
		then(real.path("created").asLong()).isEqualTo(2);
		then(real.path("duplicatesInFile").asLong()).isEqualTo(1);
		then(real.path("failed").asLong()).isEqualTo(1);
		then(real.path("withWarnings").asLong()).isEqualTo(1);
		JsonNode reported = get("/api/imports/jobs/" + real.path("id").asLong() + "/rejected");
		then(reported.valueStream().map(r -> r.path("rowNo").asLong() + ":" + r.path("rejected").asBoolean()))
			.containsExactly("1:false", "4:true");
		then(reported.get(0).path("problems").get(0).path("column").asString()).isEqualTo("邮箱");
		String report = new String(http.get().uri("/api/imports/jobs/" + real.path("id").asLong() + "/rejected.csv")
			.retrieve().body(byte[].class), StandardCharsets.UTF_8);
		then(report.lines()).anyMatch(line -> line.startsWith("1,张伟,") && line.contains(",stored,邮箱: dropped"));
		then(jdbc.queryForObject("select count(*) from lead", Long.class)).isEqualTo(2);

		JsonNode strict = runImport(csv.replace("张伟", "赵强"), false, true);
		then(strict.path("failed").asLong()).as("strict: the bad e-mail rejects its row").isEqualTo(2);
		then(strict.path("created").asLong()).isZero();

		JsonNode english = runImport(csv.replaceFirst("姓名,手机号,邮箱,公司", "Name,Mobile,Email,Company"), false, false);
		then(english.path("created").asLong()).as("the same people under English headers").isZero();
		then(english.path("matched").asLong() + english.path("duplicatesInFile").asLong()).isEqualTo(3);
	}

	private JsonNode runImport(String csv, boolean dryRun, boolean strict) throws InterruptedException {
		long uploadId = upload("leads.csv", csv.getBytes(Charset.forName("GB18030")), null).getBody().path("uploadId")
			.asLong();
		ResponseEntity<JsonNode> started = post("/api/imports/jobs",
				Map.of("uploadId", uploadId, "dryRun", dryRun, "strict", strict));
		then(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(202);
		return awaitFinished(started.getBody().path("id").asLong());
	}
}
