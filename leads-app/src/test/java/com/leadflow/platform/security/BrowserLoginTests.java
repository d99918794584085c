package com.leadflow.platform.security;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.leadflow.TestHttp;

/**
 * The admin UI's session: form login answered 204/401 for its script, a CSRF cookie it must echo on writes, logout;
 * API clients without a session stay as they were (401 problem details, no session, no CSRF).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserLoginTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	final CookieManager cookies = new CookieManager();

	final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

	HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("X-Requested-With", "XMLHttpRequest");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	String cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
			.findFirst().orElse(null);
	}

	HttpResponse<String> logIn(String user, String password) throws IOException, InterruptedException {
		return send("POST", "/login", "application/x-www-form-urlencoded", "username=" + user + "&password=" + password);
	}

	@Test
	void theUiLogsInWritesWithTheCsrfTokenAndLogsOut() throws Exception {
		users.create("ui-marketer", TestHttp.PASSWORD, Set.of(Role.MARKETER), null);
		then(send("GET", "/", null, null).statusCode()).isEqualTo(200);
		then(cookie("XSRF-TOKEN")).isNotBlank();

		// a wrong password: 401 problem details, no browser dialog
		HttpResponse<String> refused = logIn("ui-marketer", "wrong-password-000");
		then(refused.statusCode()).isEqualTo(401);
		then(refused.body()).contains("/problems/login-failed");
		then(refused.headers().firstValue("WWW-Authenticate")).isEmpty();

		// the right one: a session
		then(logIn("ui-marketer", TestHttp.PASSWORD).statusCode()).isEqualTo(204);
		HttpResponse<String> me = send("GET", "/api/me", null, null);
		then(me.statusCode()).isEqualTo(200);
		then(me.body()).contains("\"name\":\"ui-marketer\"").contains("ROLE_MARKETER");

		// writes in the session need the CSRF token from the cookie
		String arrival = "{\"name\":\"Csrf\",\"email\":\"csrf@example.com\",\"touch\":{\"action\":\"FORM_SUBMIT\"}}";
		then(send("POST", "/api/leads", "application/json", arrival).statusCode()).isEqualTo(403);
		then(send("POST", "/api/leads", "application/json", arrival, "X-XSRF-TOKEN", cookie("XSRF-TOKEN")).statusCode())
			.isEqualTo(201);

		// logout ends the session
		then(send("POST", "/logout", null, null, "X-XSRF-TOKEN", cookie("XSRF-TOKEN")).statusCode()).isEqualTo(204);
		then(send("GET", "/api/me", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void apiClientsStillGet401ProblemDetailsWithoutASession() throws Exception {
		HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads")).build(),
				HttpResponse.BodyHandlers.ofString());

		then(anonymous.statusCode()).isEqualTo(401);
		then(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(v -> then(v).startsWith("application/problem+json"));
		then(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Leadflow\"");
		then(anonymous.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
	}

	@Test
	void aPlainFormPostLogsInAndGoesToTheUi() throws Exception {
		users.create("ui-form", TestHttp.PASSWORD, Set.of(Role.ANALYST), null);
		HttpClient form = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpRequest.Builder login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded");

		HttpResponse<String> refused = form.send(login.POST(HttpRequest.BodyPublishers.ofString("username=ui-form&password=nope"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> accepted = form.send(login.POST(HttpRequest.BodyPublishers.ofString(
				"username=ui-form&password=" + TestHttp.PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());

		then(refused.statusCode()).isEqualTo(302);
		then(refused.headers().firstValue("Location")).hasValueSatisfying(l -> then(l).endsWith("/?login=failed"));
		then(accepted.statusCode()).isEqualTo(302);
		then(accepted.headers().firstValue("Location")).hasValueSatisfying(l -> then(l).endsWith("/"));
		then(accepted.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID"));
	}
}
