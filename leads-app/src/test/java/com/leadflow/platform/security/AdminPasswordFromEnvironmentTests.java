package com.leadflow.platform.security;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.leadflow.LeadflowApplication;
import com.leadflow.testsupport.TestDatabase;

/**
 * The documented way to choose the first admin's password: {@code LEADFLOW_ADMIN_PASSWORD=… ./leadflow run}. The app
 * runs in a JVM of its own with that environment variable, on a fresh database (no user yet), and the password logs in.
 */
class AdminPasswordFromEnvironmentTests {

	@Test
	void theFirstAdminLogsInWithThePasswordFromLeadflowAdminPassword() throws Exception {
		TestDatabase.Coordinates db = TestDatabase.get();
		String database = "admin_env_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
				Statement s = c.createStatement()) {
			s.execute("create database " + database);
		}
		String url = db.url().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Files.createTempFile("admin-env-node", ".log");
		String javaBin = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(List.of(javaBin, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				LeadflowApplication.class.getName(), "--leadflow.test.db.skip=true",
				"--leadflow.crypto.key-file=" + TestDatabase.keyFile(), "--server.port=" + port,
				"--logging.level.com.leadflow.platform.security=INFO")) // the test run is quiet; this line is checked
			.redirectErrorStream(true).redirectOutput(log.toFile()).directory(new File(System.getProperty("java.io.tmpdir")));
		builder.environment().put("LEADFLOW_ADMIN_PASSWORD", "chosen-Secret-2026");
		builder.environment().put("LEADS_DB_URL", url);
		builder.environment().put("LEADS_DB_USER", db.username());
		builder.environment().put("LEADS_DB_PASSWORD", db.password());
		Process node = builder.start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			awaitUp(http, port, node, log);

			then(get(http, port, "admin", "chosen-Secret-2026")).as("the chosen password").isEqualTo(200);
			then(get(http, port, "admin", "wrong-password")).isEqualTo(401);
			then(Files.readString(log, StandardCharsets.UTF_8)).contains("with the password from LEADFLOW_ADMIN_PASSWORD")
				.doesNotContain("one-time password");
		}
		finally {
			node.destroy();
			if (!node.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				node.destroyForcibly();
			}
			Files.deleteIfExists(log);
		}
	}

	private static int get(HttpClient http, int port, String user, String password) throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/leads?limit=1"))
			.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static void awaitUp(HttpClient http, int port, Process node, Path log) throws Exception {
		Instant deadline = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(deadline)) {
			if (!node.isAlive()) {
				throw new AssertionError("the app exited: " + Files.readString(log, StandardCharsets.UTF_8));
			}
			try {
				HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
						URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (java.io.IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("the app did not start within 120 s: " + Files.readString(log, StandardCharsets.UTF_8));
	}
}
