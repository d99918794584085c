package com.leadflow.campaigns.web;

import static org.assertj.core.api.BDDAssertions.then;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.leadflow.TestHttp;
import com.leadflow.platform.security.Role;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "leadflow.campaigns.import.poll-interval=200ms", "leadflow.campaigns.import.max-file-size=64KB",
				"leadflow.campaigns.import.batch-size=3" })
class ImportApiTests extends ApiTestSupport {

	static final Charset GB18030 = Charset.forName("GB18030");

	static final String CSV = """
			姓名,手机号,邮箱,公司,职位,城市,预算
			王强,13811112222,wang.qiang@example.cn,深圳某某电子有限公司,采购总监,深圳,50万
			李娜,,=cmd|' /C calc'!A0,广州某某物流,经理,广州,
			王强,138-1111-2222,,深圳某某电子有限公司,采购总监,深圳,
			赵磊,13933334444,zhao.lei@example.cn,成都某某软件,CTO,成都,100万
			没有联系方式,,,某公司,,,
			""";

	@Test
	void uploadsAGb18030CsvAndPreviewsItWithAProposedMapping() {
		ResponseEntity<JsonNode> response = upload("线索.csv", CSV.getBytes(GB18030), null);

		then(response.getStatusCode().value()).isEqualTo(201);
		JsonNode preview = response.getBody();
		then(preview.path("encoding").asString()).isEqualTo("GB18030");
		then(preview.path("format").asString()).isEqualTo("CSV");
		then(preview.path("totalRows").asLong()).isEqualTo(5);
		then(preview.path("rows").get(0).get(0).asString()).isEqualTo("王强");
		then(preview.path("proposedMapping").valueStream().map(c -> c.path("field").asString()))
			.containsExactly("NAME", "MOBILE", "EMAIL", "COMPANY", "TITLE", "CITY", "BUDGET");
	}

	@Autowired
	@Qualifier("taskExecutor")
	ThreadPoolTaskExecutor listeners;

	@Test
	void runsAnImportJobAndReportsEachRow() throws Exception {
		post("/api/ingest/touches", Map.of("idempotencyKey", "old-1", "channel", "WEB_FORM", "email",
				"zhao.lei@example.cn"));
		long seriesId = post("/api/campaign-series", SeriesApiTests.series("展会名单导入")).getBody().path("id").asLong();
		long uploadId = upload("线索.csv", CSV.getBytes(GB18030), null).getBody().path("uploadId").asLong();

		ResponseEntity<JsonNode> started = post("/api/imports/jobs",
				Map.of("uploadId", uploadId, "seriesId", seriesId, "channel", "OFFLINE_EVENT"));
		then(started.getStatusCode().value()).isEqualTo(202);
		JsonNode job = awaitFinished(started.getBody().path("id").asLong());

		then(job.path("status").asString()).isEqualTo("SUCCEEDED");
		then(job.path("read").asLong()).isEqualTo(5);
		then(job.path("created").asLong()).isEqualTo(1);
		then(job.path("duplicatesInFile").asLong()).isEqualTo(1);
		then(job.path("matched").asLong()).isEqualTo(1);
		then(job.path("stored").asLong()).isEqualTo(3);
		then(job.path("failed").asLong()).isEqualTo(2);
		then(job.path("percent").asDouble()).isEqualTo(100.0);
		then(job.path("rowsPerSecond").asDouble()).isPositive();

		JsonNode rejected = get("/api/imports/jobs/" + job.path("id").asLong() + "/rejected");
		then(rejected.valueStream().map(r -> r.path("rowNo").asLong())).containsExactly(2L, 5L);
		then(rejected.get(0).path("problems").get(0).path("column").asString()).isEqualTo("邮箱");

		// the download streams on the requests' own executor: it does not wait while every listener thread is busy
		CountDownLatch release = new CountDownLatch(1);
		ResponseEntity<byte[]> csv;
		try {
			for (int i = 0; i < listeners.getMaxPoolSize(); i++) {
				listeners.execute(() -> {
					try {
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				});
			}
			csv = CompletableFuture.supplyAsync(() -> http.get()
				.uri("/api/imports/jobs/" + job.path("id").asLong() + "/rejected.csv").retrieve().toEntity(byte[].class))
				.get(10, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
		}
		then(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		String text = new String(csv.getBody(), StandardCharsets.UTF_8).substring(1);
		then(text.lines().toList()).hasSize(3);
		then(text.lines().findFirst().orElseThrow()).isEqualTo("row,姓名,手机号,邮箱,公司,职位,城市,预算,outcome,error");
		then(text).contains("2,李娜,,'=cmd|' /C calc'!A0,").contains("5,没有联系方式,").contains(",rejected,");

		JsonNode attribution = get("/api/campaign-series/" + seriesId + "/attribution");
		JsonNode event = attribution.path("channels").valueStream()
			.filter(c -> c.path("channel").asString().equals("OFFLINE_EVENT")).findFirst().orElseThrow();
		then(event.path("leadsCreated").asLong()).isEqualTo(1);
		then(event.path("leadsTouched").asLong()).isEqualTo(2);
		then(event.path("touches").asLong()).isEqualTo(3);
	}

	@Test
	void aDryRunCountsWhatTheRealRunWouldDoAndStoresNothing() throws Exception {
		long uploadId = upload("leads.csv", CSV.getBytes(StandardCharsets.UTF_8), null).getBody().path("uploadId").asLong();

		JsonNode job = awaitFinished(post("/api/imports/jobs", Map.of("uploadId", uploadId, "dryRun", true)).getBody()
			.path("id").asLong());

		then(job.path("failed").asLong()).isEqualTo(2);
		then(job.path("stored").asLong()).as("what the real run would store").isEqualTo(3);
		then(job.path("created").asLong()).isEqualTo(2);
		then(jdbc.queryForObject("select count(*) from lead", Long.class)).isZero();
	}

	@Test
	void aMappingByHandAndItsProblemsAreNamed() {
		long uploadId = upload("leads.csv", CSV.getBytes(StandardCharsets.UTF_8), "UTF-8").getBody().path("uploadId")
			.asLong();
		Map<String, Object> bad = new HashMap<>();
		bad.put("uploadId", uploadId);
		bad.put("mode", "UPDATE_ONLY");
		bad.put("seriesId", 987654);
		bad.put("mapping", Map.of("姓名", "NAME", "No such column", "EMAIL"));

		ResponseEntity<JsonNode> response = post("/api/imports/jobs", bad);

		then(response.getStatusCode().value()).isEqualTo(400);
		then(fields(response.getBody())).containsExactlyInAnyOrder("seriesId", "mapping.No such column");

		ResponseEntity<JsonNode> noIdentity = post("/api/imports/jobs",
				Map.of("uploadId", uploadId, "mapping", Map.of("姓名", "NAME")));
		then(fields(noIdentity.getBody())).containsExactly("mapping");
	}

	@Test
	void readsAnXlsxUpload() throws Exception {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Leadflow", "1.0");
		org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Sheet1");
		sheet.value(0, 0, "Name");
		sheet.value(0, 1, "Email");
		sheet.value(1, 0, "Anna");
		sheet.value(1, 1, "anna@example.de");
		workbook.finish();

		JsonNode preview = upload("leads.xlsx", out.toByteArray(), null).getBody();

		then(preview.path("format").asString()).isEqualTo("XLSX");
		then(preview.path("totalRows").asLong()).isEqualTo(1);
		then(preview.path("proposedMapping").valueStream().map(c -> c.path("field").asString())).containsExactly("NAME",
				"EMAIL");
	}

	@Test
	void aGb18030CsvFromExcelAndTheSameDataAsXlsxGiveTheSameLeads() throws Exception {
		String[][] rows = { { "姓名", "手机", "邮箱", "公司", "职位", "城市" },
				{ "王强", "138-1111-2222", "wang.qiang@example.cn", "深圳某某电子有限公司", "采购总监", "深圳" },
				{ "赵磊", "+86 139 3333 4444", "", "成都某某软件", "CTO", "成都" },
				{ "李娜", "", "Li.Na@Example.cn", "", "经理", "广州" } };
		StringBuilder csv = new StringBuilder();
		for (String[] row : rows) {
			csv.append(String.join(",", row)).append("\r\n");
		}
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Leadflow", "1.0");
		org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Sheet1");
		for (int r = 0; r < rows.length; r++) {
			for (int c = 0; c < rows[r].length; c++) {
				sheet.value(r, c, rows[r][c]);
			}
		}
		workbook.finish();

		List<Map<String, Object>> fromCsv = importedLeads("线索.csv", csv.toString().getBytes(GB18030));
		awaitListeners();
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		http = TestHttp.as(port, users, Role.MARKETER);
		List<Map<String, Object>> fromXlsx = importedLeads("线索.xlsx", out.toByteArray());

		then(fromCsv).extracting(lead -> lead.get("name")).containsExactlyInAnyOrder("王强", "赵磊", "李娜");
		then(fromCsv).filteredOn(lead -> "王强".equals(lead.get("name"))).singleElement()
			.satisfies(lead -> then(lead).containsEntry("city", "深圳").containsEntry("title", "采购总监")
				.containsEntry("company", "深圳某某电子有限公司").containsEntry("identities", 2L));
		then(fromXlsx).isEqualTo(fromCsv);
	}

	/** Uploads a file without naming its encoding, imports it, and reads the leads' profiles and identities. */
	List<Map<String, Object>> importedLeads(String filename, byte[] content) throws Exception {
		long uploadId = upload(filename, content, null).getBody().path("uploadId").asLong();
		JsonNode job = awaitFinished(post("/api/imports/jobs", Map.of("uploadId", uploadId)).getBody().path("id").asLong());
		then(job.path("created").asLong()).isEqualTo(3);
		return jdbc.queryForList("""
				select l.name, l.title, l.city, c.name company,
				       (select count(*) from lead_identity i where i.lead_id = l.id) identities
				from lead l left join company c on c.id = l.company_id order by l.name""");
	}

	@Test
	void badFilesGetProblemDetails() {
		ResponseEntity<JsonNode> fake = upload("leads.xlsx", "name,email\n".getBytes(StandardCharsets.UTF_8), null);
		ResponseEntity<JsonNode> broken = upload("leads.xlsx", new byte[] { 'P', 'K', 3, 4, 1, 2, 3, 4, 5 }, null);
		ResponseEntity<JsonNode> empty = upload("leads.csv", new byte[0], null);
		ResponseEntity<JsonNode> tooLarge = upload("big.csv", new byte[100 * 1024], null);

		then(fake.getStatusCode().value()).isEqualTo(400);
		then(fake.getBody().path("type").asString()).isEqualTo("/problems/bad-file");
		then(fields(fake.getBody())).containsExactly("file");
		then(broken.getStatusCode().value()).isEqualTo(400);
		then(broken.getBody().path("type").asString()).isEqualTo("/problems/bad-file");
		then(empty.getStatusCode().value()).isEqualTo(400);
		then(tooLarge.getStatusCode().value()).isEqualTo(413);
		then(tooLarge.getBody().path("type").asString()).isEqualTo("/problems/file-too-large");
	}

	@Test
	void anUnknownJobIsNotFound() {
		ResponseEntity<JsonNode> response = getEntity("/api/imports/jobs/424242");

		then(response.getStatusCode().value()).isEqualTo(404);
		then(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}
}
