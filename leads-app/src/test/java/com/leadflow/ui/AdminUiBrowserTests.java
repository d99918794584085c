package com.leadflow.ui;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.UserAccounts;

import tools.jackson.databind.JsonNode;

/**
 * The admin UI in a real (headless) Chromium against the real app: log in, import a CSV with the wizard, open a lead,
 * edit and simulate a scoring model, and every page at 1280 × 800 and on a 390-px phone without sideways scrolling.
 * Screenshots of every page land in {@code target/screenshots/}. One app and one browser for the whole class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminUiBrowserTests {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final String USER = "ui-admin";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	ChromeDriver browser;

	Path profile;

	WebDriverWait wait;

	RestClient api;

	@BeforeAll
	void startBrowserAndLogIn() throws IOException {
		if (!SystemChromium.available()) {
			throw new IllegalStateException(SystemChromium.MISSING); // a browser test that skips has not run
		}
		users.create(USER, TestHttp.PASSWORD, Set.of(Role.ADMIN, Role.MARKETER), null);
		api = RestClient.builder().baseUrl(base()).defaultHeaders(h -> h.setBasicAuth(USER, TestHttp.PASSWORD))
			.defaultStatusHandler(s -> true, (req, res) -> {
			})
			.build();
		profile = Files.createTempDirectory("leadflow-chromium-");
		browser = SystemChromium.start(profile);
		wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50));
		logIn();
	}

	@AfterAll
	void quitBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile);
		}
	}

	String base() {
		return "http://localhost:" + port;
	}

	void logIn() {
		browser.get(base() + "/");
		WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
		// a wrong password is refused on the page
		name.sendKeys(USER);
		browser.findElement(By.id("login-password")).sendKeys("not-the-password");
		browser.findElement(By.id("login-submit")).click();
		then(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.error"))).getText())
			.contains("Login failed");
		shot("login");
		browser.findElement(By.id("login-password")).clear();
		browser.findElement(By.id("login-password")).sendKeys(TestHttp.PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		then(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user"))).getText()).contains(USER);
	}

	/** Opens a page of the SPA and waits until it has rendered. */
	void open(String hash) {
		browser.executeScript("location.hash = arguments[0]", hash);
		wait.until(d -> hash.equals(browser.executeScript("return document.querySelector('main#page')?.dataset.ready")));
	}

	WebElement visible(String css) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	void shot(String name) {
		SystemChromium.screenshot(browser, SCREENSHOTS.resolve(name + "-1280.png"), 1280, 800, false);
	}

	long newLead(String name, String email, String... touches) {
		long id = -1;
		for (String touch : touches) {
			JsonNode res = api.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
				.body("{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"title\":\"IT Director\","
						+ "\"company\":{\"name\":\"" + name + " Tech Ltd\",\"industry\":\"Manufacturing\"},\"touch\":" + touch + "}")
				.retrieve()
				.body(JsonNode.class);
			id = res.path("leadId").asLong();
		}
		long leadId = id;
		wait.until(d -> api.get().uri("/api/scoring/leads/{id}/score", leadId).retrieve().toBodilessEntity()
			.getStatusCode().is2xxSuccessful());
		return leadId;
	}

	@Test
	@Order(1)
	void importsACsvWithTheWizardAndWatchesProgressReach100Percent() throws IOException {
		// given a CSV of 120 people, every 40th without any contact (rejected)
		StringBuilder csv = new StringBuilder("姓名,手机,邮箱,公司,职位,城市\n");
		int rows = 120;
		for (int i = 1; i <= rows; i++) {
			boolean reject = i % 40 == 0;
			csv.append("客户").append(i).append(',').append(reject ? "" : String.format("139%08d", i)).append(',')
				.append(reject ? "" : "ui-import-" + i + "@example.cn").append(",示例科技有限公司").append(i % 7)
				.append(",经理,上海\n");
		}
		Path file = Files.createTempFile("leadflow-ui-import-", ".csv");
		Files.writeString(file, csv, StandardCharsets.UTF_8);

		// when it goes through the wizard
		open("#/imports");
		browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		browser.findElement(By.id("import-upload")).click();
		visible("#import-mapping");
		then(new Select(browser.findElement(By.id("map-1"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("MOBILE");
		shot("import-mapping");
		browser.findElement(By.id("import-next")).click();
		new Select(visible("#import-channel")).selectByValue("IMPORT");
		browser.findElement(By.id("import-start")).click();

		// then the progress bar runs up to 100% and the result counts the rows
		Set<Integer> seen = new TreeSet<>();
		wait.withTimeout(Duration.ofSeconds(120)).until(d -> {
			boolean finished = !d.findElements(By.id("import-result")).isEmpty();
			d.findElements(By.id("import-progress"))
				.forEach(bar -> seen.add((int) Double.parseDouble(bar.getAttribute("aria-valuenow"))));
			return finished;
		});
		then(browser.findElement(By.id("import-progress")).getAttribute("aria-valuenow")).isEqualTo("100");
		then(seen).contains(100);
		then(stat("created")).isEqualTo(rows - rows / 40);
		then(stat("failed")).isEqualTo(rows / 40);
		then(browser.findElement(By.id("rejected-link")).getAttribute("href")).endsWith("/rejected.csv");
		shot("import-result");
		then(api.get().uri("/api/leads?q=客户1&limit=5").retrieve().body(JsonNode.class).path("items").size()).isPositive();
		Files.deleteIfExists(file);
	}

	long stat(String key) {
		return Long.parseLong(browser.findElement(By.cssSelector("#import-result [data-stat='" + key + "'] .n"))
			.getText().replaceAll("[^0-9]", ""));
	}

	@Test
	@Order(2)
	void opensALeadFromThePoolAndSeesItsTimelineAndScoreExplanation() {
		// given a lead with two touches, scored
		long id = newLead("Lina Timeline", "lina.timeline@example.com",
				"{\"action\":\"WHITEPAPER_DOWNLOAD\",\"contentId\":\"wp-ai\"}", "{\"action\":\"WEBINAR_ATTEND\",\"minutes\":40}");

		// when a marketer searches the pool and opens her
		open("#/leads");
		WebElement q = browser.findElement(By.id("filter-q"));
		q.sendKeys("Lina Timeline");
		browser.findElement(By.id("search")).click();
		wait.until(d -> d.findElements(By.cssSelector("#leads-table tbody tr")).size() == 1);
		browser.findElement(By.cssSelector("#leads-table tr[data-id='" + id + "']")).click();
		wait.until(d -> ("#/leads/" + id).equals(browser.executeScript("return document.querySelector('main#page')?.dataset.ready")));

		// then the 360° page shows her timeline and the lines that explain her score
		then(visible("#lead-name").getText()).isEqualTo("Lina Timeline");
		wait.until(d -> d.findElements(By.cssSelector("#timeline-table tbody tr")).size() == 2);
		then(browser.findElement(By.id("timeline-table")).getText()).contains("Webinar attend").contains("Whitepaper download");
		then(browser.findElement(By.id("score-explanation")).getText()).contains("WEBINAR_ATTEND ×1").contains("WHITEPAPER_DOWNLOAD ×1");
		then(browser.findElement(By.id("score-total")).getText()).isEqualTo(api.get().uri("/api/scoring/leads/{id}/score", id)
			.retrieve().body(JsonNode.class).path("scores").get(0).path("total").asInt() + "");
		then(browser.findElement(By.id("lead-identities")).getText()).contains("lina.timeline@example.com");
		shot("lead-360");
	}

	@Test
	@Order(3)
	void editsAScoringModelAndSimulatesItsBands() {
		// given a lead that is WARM under the default model
		newLead("Sim Warm", "sim.warm@example.com", "{\"action\":\"WEBINAR_ATTEND\",\"minutes\":40}");

		// when a marketer copies the active model as a draft, raises the webinar weight and simulates
		open("#/scoring");
		visible("#models-table tbody tr").click();
		visible("#model-copy").click();
		visible("#model-save");
		WebElement points = visible("#g0-action-WEBINAR_ATTEND-points");
		points.clear();
		points.sendKeys("400");
		browser.findElement(By.id("model-save")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "Saved"));
		browser.findElement(By.id("model-simulate")).click();

		// then the draft is stored with the new weight and the before/after chart shows leads moving band
		visible("#simulation-chart");
		then(Long.parseLong(visible("#leads-changing-band").getText().replaceAll("[^0-9]", ""))).isPositive();
		String draftId = ((String) browser.executeScript("return location.hash")).replace("#/scoring/", "");
		JsonNode draft = api.get().uri("/api/scoring/models/{id}", draftId).retrieve().body(JsonNode.class);
		then(draft.path("status").asString()).isEqualTo("DRAFT");
		then(draft.findValues("actions").getFirst().valueStream()
			.filter(a -> a.path("action").asString().equals("WEBINAR_ATTEND")).findFirst().orElseThrow()
			.path("points").asInt()).isEqualTo(400);
		then(browser.findElement(By.id("simulation-table")).getText()).contains("Hot");
		shot("scoring-simulation");

		// and activating it re-scores every lead with a progress bar up to 100%
		browser.findElement(By.id("model-activate")).click();
		wait.withTimeout(Duration.ofSeconds(60))
			.until(ExpectedConditions.attributeToBe(By.id("activation-progress"), "aria-valuenow", "100"));
		then(api.get().uri("/api/scoring/models/{id}", draftId).retrieve().body(JsonNode.class).path("status").asString())
			.isEqualTo("ACTIVE");
	}

	/** A HOT lead (routed to the SDR queue as an MQL). */
	long hotLead(String name, String email) {
		long id = newLead(name, email, "{\"action\":\"DEMO_REQUEST\"}", "{\"action\":\"TRIAL_REQUEST\"}",
				"{\"action\":\"WEBINAR_ATTEND\",\"minutes\":60}");
		wait.until(d -> "MQL".equals(stage(id).path("stage").asString()));
		return id;
	}

	JsonNode stage(long leadId) {
		return api.get().uri("/api/lifecycle/leads/{id}", leadId).retrieve().body(JsonNode.class);
	}

	@Test
	@Order(4)
	void qualifiesAHotLeadFromTheSdrQueueWithTheBantQuestionnaire() {
		long id = hotLead("Qualify Me", "qualify.me@example.com");

		open("#/sdr");
		visible("#sdr-table tr[data-id]");
		browser.findElements(By.cssSelector("#sdr-table tbody tr")).stream()
			.filter(row -> row.getText().contains("Qualify Me")).findFirst().orElseThrow().click();
		visible("#qualify-form");
		for (WebElement answer : browser.findElements(By.cssSelector("#qualify-form textarea"))) {
			answer.sendKeys("Confirmed on the call");
		}
		new Select(browser.findElement(By.id("sdr-outcome"))).selectByValue("QUALIFIED");
		shot("sdr-qualify");
		browser.findElement(By.id("sdr-submit")).click();

		then(visible(".notice.ok").getText()).contains("#" + id).contains("SQL");
		then(stage(id).path("stage").asString()).isEqualTo("SQL");
	}

	@Test
	@Order(5)
	void recyclesALeadWithAReasonOnIts360Page() {
		long id = hotLead("Recycle Me", "recycle.me@example.com");

		open("#/leads/" + id);
		new Select(visible("#move-to")).selectByValue("RECYCLED");
		new Select(browser.findElement(By.id("move-reason"))).selectByValue("BUDGET");
		browser.findElement(By.cssSelector("#lead-stages button[type=submit]")).click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stage-history"), "Recycled"));
		then(stage(id).path("stage").asString()).isEqualTo("RECYCLED");
		then(stage(id).path("reason").asString()).isEqualTo("BUDGET");
	}

	/** A lead of a company without touches that score (the arrival is enough for the duplicate check). */
	long colleague(String name, String email, String company) {
		return api.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"company\":{\"name\":\"" + company
					+ "\"},\"touch\":{\"action\":\"FORM_SUBMIT\"}}")
			.retrieve()
			.body(JsonNode.class)
			.path("leadId")
			.asLong();
	}

	@Test
	@Order(6)
	void reviewsADuplicatePairSideBySideAndMergesIt() {
		// given two people of one company with nearly the same name (a fuzzy candidate, never merged by itself)
		long older = colleague("Zhang Weiming", "zwm@twin.example", "Twin Robotics Ltd");
		long newer = colleague("Zhang Weiming.", "zhang.weiming@gmail.example", "Twin Robotics Ltd");

		// when a marketer opens the pair in the review queue
		open("#/merges");
		visible("#candidates-table");
		browser.findElements(By.cssSelector("#candidates-table tbody tr")).stream()
			.filter(row -> row.getText().contains("#" + older) && row.getText().contains("#" + newer)).findFirst()
			.orElseThrow().click();
		visible("#candidate-detail:not([data-loading]) #pair[data-pair='" + older + "-" + newer + "']");
		then(browser.findElement(By.id("pair")).getText()).contains("zwm@twin.example").contains("zhang.weiming@gmail.example");
		shot("merge-review");
		browser.findElement(By.id("merge-accept")).click();

		// then they are one lead
		then(visible(".notice.ok").getText()).contains("Merged");
		then(api.get().uri("/api/leads/{id}", newer).retrieve().body(JsonNode.class).path("id").asLong()).isEqualTo(older);
	}

	@Test
	@Order(7)
	void showsEachRoleOnlyItsMenusAndLogsOut() {
		users.create("ui-sdr", TestHttp.PASSWORD, Set.of(Role.SDR), "sdr");
		browser.findElement(By.id("logout")).click();
		visible("#login-username").sendKeys("ui-sdr");
		browser.findElement(By.id("login-password")).sendKeys(TestHttp.PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		visible("#current-user");

		then(browser.findElements(By.cssSelector("#menu a")).stream().map(a -> a.getAttribute("data-page")).toList())
			.containsExactly("leads", "series", "sdr");

		browser.findElement(By.id("logout")).click();
		visible("#login-username").sendKeys(USER);
		browser.findElement(By.id("login-password")).sendKeys(TestHttp.PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		then(visible("#current-user").getText()).contains(USER);
	}

	@Test
	@Order(8)
	void switchesLanguageAndRemembersIt() {
		open("#/leads");
		browser.findElement(By.cssSelector(".top .lang")).click();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("#menu a[data-page='leads']"), "线索池"));
		browser.navigate().refresh();
		wait.until(d -> "#/leads".equals(browser.executeScript("return document.querySelector('main#page')?.dataset.ready")));
		then(browser.findElement(By.cssSelector("#menu a[data-page='leads']")).getText()).isEqualTo("线索池");
		shot("leads-zh");
		browser.findElement(By.cssSelector(".top .lang")).click();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("#menu a[data-page='leads']"), "Lead pool"));
	}

	@Test
	@Order(9)
	void everyPageFitsDesktopAndA390PixelPhoneWithoutSideScrolling() {
		long lead = newLead("Page Tour", "page.tour@example.com", "{\"action\":\"DEMO_REQUEST\"}",
				"{\"action\":\"TRIAL_REQUEST\"}", "{\"action\":\"WEBINAR_ATTEND\",\"minutes\":60}");
		JsonNode series = api.post().uri("/api/campaign-series").contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"AI Summit 2026\",\"goal\":\"Pipeline\",\"journeyStage\":\"VENDOR_EVALUATION\",\"fourCRole\":\"CONNECT\","
					+ "\"brief\":{\"persona\":\"IT directors\",\"cta\":\"Book a demo\"},"
					+ "\"channels\":[{\"channel\":\"WEBINAR\",\"cost\":12000},{\"channel\":\"WECHAT\",\"cost\":3000}]}")
			.retrieve()
			.body(JsonNode.class);
		colleague("Wang Lina", "wang.lina@pair.example", "Pair Analytics Co");
		colleague("Wang Lina.", "lina.work@pair.example", "Pair Analytics Co");
		api.put().uri("/api/analytics/market-sizes").contentType(MediaType.APPLICATION_JSON)
			.body("[{\"industry\":\"Manufacturing\",\"marketSize\":40},{\"industry\":\"Retail\",\"marketSize\":500},"
					+ "{\"industry\":null,\"marketSize\":3000}]")
			.retrieve()
			.toBodilessEntity();
		long model = api.get().uri("/api/scoring/models?status=ACTIVE").retrieve().body(JsonNode.class).get(0).path("id").asLong();
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("dashboard", "#/dashboard");
		pages.put("leads", "#/leads");
		pages.put("lead", "#/leads/" + lead);
		pages.put("merges", "#/merges");
		pages.put("series", "#/series");
		pages.put("series-edit", "#/series/" + series.path("id").asLong());
		pages.put("imports", "#/imports");
		pages.put("scoring", "#/scoring");
		pages.put("scoring-model", "#/scoring/" + model);
		pages.put("sdr", "#/sdr");
		pages.put("outbox", "#/outbox");

		List<String> tooWide = new ArrayList<>();
		for (boolean phone : new boolean[] { false, true }) {
			int width = phone ? 390 : 1280;
			int height = phone ? 844 : 800;
			SystemChromium.screen(browser, width, height, phone);
			for (Map.Entry<String, String> page : pages.entrySet()) {
				open(page.getValue());
				if (page.getKey().equals("dashboard")) { // the analytics read model answers with this class's leads
					visible("#dash-visibility .tile");
					visible("#dash-funnel svg");
					visible("#dash-bands svg");
				}
				then(((Number) browser.executeScript("return window.innerWidth")).intValue()).isEqualTo(width);
				long scrollWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
				if (scrollWidth > width) {
					tooWide.add(page.getKey() + " at " + width + " px: " + scrollWidth);
				}
				SystemChromium.screenshot(browser, SCREENSHOTS.resolve(page.getKey() + "-" + width + ".png"), width, height, phone);
			}
		}
		browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		then(tooWide).isEmpty();
	}
}
