package com.leadflow.campaigns.web;

import static org.assertj.core.api.BDDAssertions.then;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;

import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.CompanyInfo;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.TouchAction;

import tools.jackson.databind.JsonNode;

/** Reverting an import through the API, and the import modes that leave known or new people out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "leadflow.campaigns.import.poll-interval=200ms", "leadflow.campaigns.import.max-file-size=64KB",
				"leadflow.campaigns.import.batch-size=3" })
class ImportRevertApiTests extends ApiTestSupport {

	@Autowired
	LeadPool pool;

	/** 100 leads from a web form, with a name, a title for half of them, a city and a company. */
	List<Long> existingLeads() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			Person person = new Person("客户 " + i, i % 2 == 0 ? "工程师" : null, null, List.of("c" + i + "@example.cn"),
					List.of(), null, null, null, null, "浙江", "杭州", null, null, null, null, null);
			ids.add(pool.resolve(new Arrival(person, new CompanyInfo("杭州某某 " + i + " 有限公司", "Software", null, null),
					TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM")).leadId());
		}
		return ids;
	}

	/** The 100 existing people with a new title, city, company and mobile; 20 new people; one bad row. */
	static String file() {
		StringBuilder csv = new StringBuilder("姓名,手机号,邮箱,公司,职位,城市\n");
		for (int i = 0; i < 100; i++) {
			csv.append("客户 ").append(i).append(" (展会),").append(String.format("1390000%04d", i)).append(",c").append(i)
				.append("@example.cn,上海某某 ").append(i).append(" 有限公司,采购总监,上海\n");
		}
		for (int i = 0; i < 20; i++) {
			csv.append("新客户 ").append(i).append(",,n").append(i).append("@example.cn,,,北京\n");
		}
		return csv.append("坏行,,not-an-email,,,\n").toString();
	}

	long importFile(String mode) throws Exception {
		long uploadId = upload("leads.csv", file().getBytes(StandardCharsets.UTF_8), null).getBody().path("uploadId").asLong();
		return awaitFinished(post("/api/imports/jobs", Map.of("uploadId", uploadId, "mode", mode)).getBody().path("id")
			.asLong()).path("id").asLong();
	}

	long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	@Test
	void revertingAnImportThatUpdated100ExistingLeadsRestoresExactlyTheirPreviousValues() throws Exception {
		List<Long> existing = existingLeads();
		List<LeadSnapshot> before = pool.findAll(existing);
		long leads = count("select count(*) from lead");
		long identities = count("select count(*) from lead_identity");
		long touches = count("select count(*) from touch");

		long jobId = importFile("CREATE_AND_UPDATE");
		JsonNode job = get("/api/imports/jobs/" + jobId);
		then(job.path("matched").asLong()).isEqualTo(100);
		then(job.path("created").asLong()).isEqualTo(20);
		then(pool.findAll(existing)).extracting(LeadSnapshot::title).containsOnly("采购总监");

		ResponseEntity<JsonNode> reverted = post("/api/imports/jobs/" + jobId + "/revert", Map.of());

		then(reverted.getStatusCode().value()).as(String.valueOf(reverted.getBody())).isEqualTo(200);
		JsonNode result = reverted.getBody().path("revert");
		then(reverted.getBody().path("status").asString()).isEqualTo("REVERTED");
		then(result.path("touchesRemoved").asLong()).isEqualTo(120);
		then(result.path("leadsRemoved").asLong()).isEqualTo(20);
		then(result.path("leadsRestored").asLong()).isEqualTo(100);
		then(result.path("keptCount").asLong()).isZero();
		then(pool.findAll(existing)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("lifecycleStage")
			.containsExactlyElementsOf(before);
		then(count("select count(*) from lead")).isEqualTo(leads);
		then(count("select count(*) from lead_identity")).isEqualTo(identities);
		then(count("select count(*) from touch")).isEqualTo(touches);
		then(count("select count(*) from campaign_touch")).isZero();
		Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> then(count(
				"select count(*) from audit_log where action = 'POST /api/imports/jobs/{id}/revert' and status = 200"))
			.isEqualTo(1));

		ResponseEntity<JsonNode> again = post("/api/imports/jobs/" + jobId + "/revert", Map.of());
		then(again.getStatusCode().value()).isEqualTo(409);
		then(again.getBody().path("detail").asString()).contains("reverted already");
	}

	@Test
	void aLeadChangedAfterTheImportKeepsThatChangeAndIsListed() throws Exception {
		List<Long> existing = existingLeads();
		long jobId = importFile("CREATE_AND_UPDATE");
		post("/api/ingest/touches", Map.of("idempotencyKey", "later-1", "channel", "WEB_FORM", "email", "c5@example.cn",
				"title", "CEO"));
		post("/api/ingest/touches", Map.of("idempotencyKey", "later-2", "channel", "WEBINAR", "email", "n3@example.cn"));

		JsonNode result = post("/api/imports/jobs/" + jobId + "/revert", Map.of()).getBody().path("revert");

		then(result.path("leadsRemoved").asLong()).isEqualTo(19);
		then(result.path("kept").valueStream().map(k -> k.path("field").asString() + ": " + k.path("reason").asString()))
			.containsExactlyInAnyOrder("title: changed again since", "lead: touched by other arrivals since");
		LeadSnapshot changed = pool.find(existing.get(5)).orElseThrow();
		then(changed.title()).isEqualTo("CEO");
		then(changed.city()).isEqualTo("杭州");
	}

	@Test
	void aJobThatIsStillRunningCannotBeReverted() {
		// people no other test of the class knows (its tests share one database): should this node's worker claim the
		// job before it is handed to another node below, the rows it stores cannot change what they see
		String csv = "姓名,邮箱\n其他客户,other-0@example.cn\n其他客户 2,other-1@example.cn\n";
		long uploadId = upload("leads.csv", csv.getBytes(StandardCharsets.UTF_8), null).getBody().path("uploadId").asLong();
		long jobId = post("/api/imports/jobs", Map.of("uploadId", uploadId)).getBody().path("id").asLong();
		// as seen while another node runs it: its lease keeps this node's worker away (with no lease, the worker took
		// the job over and ran a whole import while the class's next test ran)
		jdbc.update("""
				update import_job set status = 'RUNNING', claimed_by = 'another-node', claimed_until = now() + interval '1 hour'
				where id = ?""", jobId);

		ResponseEntity<JsonNode> refused = post("/api/imports/jobs/" + jobId + "/revert", Map.of());

		then(refused.getStatusCode().value()).isEqualTo(409);
		then(refused.getBody().path("detail").asString()).contains("still running");
		then(post("/api/imports/jobs/999999/revert", Map.of()).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void createOnlyLeavesKnownPeopleAloneAndUpdateOnlyCreatesNobody() throws Exception {
		List<Long> existing = existingLeads();

		JsonNode createOnly = get("/api/imports/jobs/" + importFile("CREATE_ONLY"));
		then(createOnly.path("created").asLong()).isEqualTo(20);
		then(createOnly.path("skipped").asLong()).isEqualTo(100);
		then(createOnly.path("failed").asLong()).isEqualTo(1);
		then(pool.findAll(existing)).extracting(LeadSnapshot::city).containsOnly("杭州");

		post("/api/imports/jobs/" + createOnly.path("id").asLong() + "/revert", Map.of());
		JsonNode updateOnly = get("/api/imports/jobs/" + importFile("UPDATE_ONLY"));
		then(updateOnly.path("matched").asLong()).isEqualTo(100);
		then(updateOnly.path("created").asLong()).isZero();
		then(updateOnly.path("skipped").asLong()).isEqualTo(20);
		then(pool.findAll(existing)).extracting(LeadSnapshot::city).containsOnly("上海");
		then(count("select count(*) from lead")).isEqualTo(100);
	}
}
