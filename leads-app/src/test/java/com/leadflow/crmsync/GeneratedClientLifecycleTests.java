package com.leadflow.crmsync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.BDDAssertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.leadflow.TestHttp;
import com.leadflow.client.ApiClient;
import com.leadflow.client.ApiException;
import com.leadflow.client.api.ImportsApi;
import com.leadflow.client.api.IngestionApi;
import com.leadflow.client.api.LeadScoresApi;
import com.leadflow.client.api.LifecycleApi;
import com.leadflow.client.api.SdrApi;
import com.leadflow.client.api.WebhooksApi;
import com.leadflow.client.model.CrmDecisionEvent;
import com.leadflow.client.model.IngestRequest;
import com.leadflow.client.model.JobView;
import com.leadflow.client.model.LeadScore;
import com.leadflow.client.model.LeadStage;
import com.leadflow.client.model.Preview;
import com.leadflow.client.model.QualificationRequest;
import com.leadflow.client.model.RejectedRow;
import com.leadflow.client.model.StartRequest;
import com.leadflow.platform.security.Role;

/**
 * A sales-ops engineer's view: a Java client generated at build time from the committed OpenAPI document (the
 * openapi-generator Maven plugin; {@code OpenApiDocumentTests} keeps the document equal to the live one) drives the
 * whole lifecycle with nothing but the generated types: touches are ingested until the lead is scored Hot, the SDR
 * qualifies it (SQL), the CRM's signed webhook reports it won; and a CSV import reports its rejected row.
 */
class GeneratedClientLifecycleTests extends CrmSyncHttpTestBase {

	static final String EMAIL = "zhou.min@example.com";

	/** A generated client logged in as a new user with the given role (HTTP Basic, as the document declares). */
	ApiClient client(Role role) {
		return client("client-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6), role);
	}

	ApiClient client(String user, Role role) {
		if (users.find(user).isEmpty()) {
			users.create(user, TestHttp.PASSWORD, java.util.Set.of(role), null);
		}
		String basic = Base64.getEncoder().encodeToString((user + ":" + TestHttp.PASSWORD).getBytes(StandardCharsets.UTF_8));
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://127.0.0.1:" + port);
		client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
		return client;
	}

	IngestRequest touch(IngestRequest.ActionEnum action) {
		return new IngestRequest().idempotencyKey(UUID.randomUUID().toString()).email(EMAIL).name("周敏")
			.company("杭州云帆科技有限公司").channel(IngestRequest.ChannelEnum.WEB_FORM).action(action)
			.payload(Map.of("consent", Map.of("purposes", List.of("CALLS", "MARKETING_EMAIL"), "textVersion", "form-7")));
	}

	@Test
	void ingestedTouchesMakeAHotLeadTheSdrQualifiesItAndTheCrmWebhookWinsIt() throws Exception {
		peers.stubFor(any(urlPathMatching("/(cc|crm)/.*")).willReturn(aResponse().withStatus(200)));
		ApiClient marketing = client(Role.MARKETER);
		IngestionApi ingestion = new IngestionApi(marketing);

		long lead = ingestion.ingestionOne(touch(IngestRequest.ActionEnum.FORM_SUBMIT)).getLeadId();
		for (IngestRequest.ActionEnum action : List.of(IngestRequest.ActionEnum.DEMO_REQUEST,
				IngestRequest.ActionEnum.TRIAL_REQUEST, IngestRequest.ActionEnum.EVENT_CHECKIN)) {
			then(ingestion.ingestionOne(touch(action)).getLeadId()).as("the same person").isEqualTo(lead);
		}
		settle();

		LeadScore score = new LeadScoresApi(marketing).leadScoreScore(lead).getScores().get(0);
		then(score.getBand()).isEqualTo(LeadScore.BandEnum.HOT);
		then(score.getTotal()).isGreaterThan(300);
		LifecycleApi lifecycle = new LifecycleApi(marketing);
		then(lifecycle.lifecycleStage(lead).getStage()).isEqualTo(LeadStage.StageEnum.MQL);

		// the SDR's call: an incomplete questionnaire is a problem naming the question; complete, it is an SQL
		// (as the SDR routing assigned it to: an SDR sees only their own leads)
		SdrApi sdr = new SdrApi(client(pool.find(lead).orElseThrow().owner(), Role.SDR));
		ApiException incomplete = catchThrowableOfType(ApiException.class, () -> sdr.routingQualify(lead,
				new QualificationRequest().outcome(QualificationRequest.OutcomeEnum.QUALIFIED)
					.answers(Map.of("budget", "approved"))));
		then(incomplete.getCode()).isEqualTo(400);
		then(incomplete.getResponseBody()).contains("answers.authority");
		LeadStage sql = sdr.routingQualify(lead, new QualificationRequest()
			.outcome(QualificationRequest.OutcomeEnum.QUALIFIED).answers(TestHttp.BANT_ANSWERS));
		then(sql.getStage()).isEqualTo(LeadStage.StageEnum.SQL);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> peers.getAllServeEvents().stream()
			.anyMatch(e -> e.getRequest().getUrl().equals("/crm/opportunities/leadflow-" + lead)));

		// the CRM reports the deal won through its signed webhook (no login: the signature is the credential)
		ApiClient crm = new ApiClient();
		crm.updateBaseUri("http://127.0.0.1:" + port);
		CrmDecisionEvent won = new CrmDecisionEvent().eventId("deal-" + lead).leadId(lead)
			.decision(CrmDecisionEvent.DecisionEnum.WON).note("signed for 3 years");
		String body = crm.getObjectMapper().writeValueAsString(won); // the exact bytes the client sends
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		WebhooksApi webhooks = new WebhooksApi(crm);
		ApiException forged = catchThrowableOfType(ApiException.class,
				() -> webhooks.webhookCrmDecision(won, timestamp, "sha256=" + hmac("not-the-secret", timestamp + "." + body)));
		then(forged.getCode()).isEqualTo(401);
		LeadStage after = webhooks.webhookCrmDecision(won, timestamp, "sha256=" + hmac(CRM_SECRET, timestamp + "." + body));

		then(after.getStage()).isEqualTo(LeadStage.StageEnum.WON);
		then(lifecycle.lifecycleStage(lead).getHistory().stream().map(h -> h.getTo().getValue()).toList())
			.containsExactly("NURTURING", "MQL", "SAL", "SQL", "OPPORTUNITY", "WON");
	}

	@Test
	void anImportThroughTheGeneratedClientReportsItsRejectedRow() throws Exception {
		ImportsApi imports = new ImportsApi(client(Role.MARKETER));
		Path csv = Files.createTempFile("generated-client-import", ".csv");
		Files.writeString(csv, """
				姓名,手机,邮箱,公司
				吴磊,13912345678,wu.lei@example.com,苏州精工机械有限公司
				无名,12345,not-an-e-mail,某公司
				钱芳,13812340000,,苏州精工机械有限公司
				""", Charset.forName("GB18030"));
		try {
			Preview preview = imports.importUpload(csv.toFile(), "GB18030");
			then(preview.getTotalRows()).isEqualTo(3);
			then(preview.getHeaders()).containsExactly("姓名", "手机", "邮箱", "公司");

			JobView job = imports.importStart(new StartRequest().uploadId(preview.getUploadId()));
			Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> imports.importJob(job.getId()).getStatus() == JobView.StatusEnum.SUCCEEDED);

			JobView done = imports.importJob(job.getId());
			then(done.getCreated()).isEqualTo(2);
			then(done.getFailed()).isEqualTo(1);
			List<RejectedRow> rejected = imports.importRejected(job.getId(), null, null);
			then(rejected).hasSize(1);
			then(rejected.get(0).getRowNo()).isEqualTo(2); // data rows count from 1
			then(rejected.get(0).getRejected()).isTrue();
			then(rejected.get(0).getProblems()).extracting(p -> p.getColumn()).contains("邮箱", "手机");
		}
		finally {
			Files.deleteIfExists(csv);
		}
	}
}
