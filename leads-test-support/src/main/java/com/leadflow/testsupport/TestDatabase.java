package com.leadflow.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import com.leadflow.embeddedpg.EmbeddedPostgres;

/**
 * The one PostgreSQL server of a test JVM, chosen in this order: an explicit URL ({@code LEADS_TEST_DB_URL}, with
 * {@code LEADS_TEST_DB_USER} / {@code LEADS_TEST_DB_PASSWORD}), Testcontainers when a Docker engine answers, else the
 * embedded server. Each JVM works in a database of its own, created here, so parallel or repeated runs never collide.
 */
public final class TestDatabase {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	/** Where the tests connect: a fresh database on the chosen server. */
	public record Coordinates(String url, String username, String password, String source) {
	}

	private static Coordinates coordinates;

	private static Path keyFile;

	private TestDatabase() {
	}

	public static synchronized Coordinates get() {
		if (coordinates == null) {
			coordinates = start();
			log.info("Tests use PostgreSQL from {}: {}", coordinates.source(), coordinates.url());
		}
		return coordinates;
	}

	/** Where this test JVM keeps its generated encryption keys (a temp file, deleted on exit). */
	public static synchronized Path keyFile() {
		if (keyFile == null) {
			try {
				Path dir = Files.createTempDirectory("leadflow-test-keys");
				keyFile = dir.resolve("keys.properties");
				Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
		return keyFile;
	}

	private static Coordinates start() {
		String database = "leadflow_test_" + UUID.randomUUID().toString().substring(0, 8);
		String explicitUrl = setting("LEADS_TEST_DB_URL");
		if (explicitUrl != null) {
			Coordinates server = new Coordinates(explicitUrl, setting("LEADS_TEST_DB_USER"),
					setting("LEADS_TEST_DB_PASSWORD"), "LEADS_TEST_DB_URL");
			return createDatabase(server, database, true);
		}
		if (dockerAnswers()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
			container.start();
			afterAllContexts(container::stop);
			return createDatabase(new Coordinates(container.getJdbcUrl(), container.getUsername(),
					container.getPassword(), "Testcontainers"), database, false);
		}
		try {
			Path dataDir = Files.createTempDirectory("leadflow-test-pg");
			EmbeddedPostgres pg = EmbeddedPostgres.start(EmbeddedPostgres.Options.of(dataDir.resolve("data"))
				.withDurable(false));
			afterAllContexts(() -> {
				pg.close();
				deleteQuietly(dataDir);
			});
			pg.createDatabaseIfMissing(database);
			return new Coordinates(pg.jdbcUrl(database), pg.username(), pg.password(), "embedded PostgreSQL");
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL for tests", e);
		}
	}

	private static Coordinates createDatabase(Coordinates server, String database, boolean dropOnExit) {
		try (Connection c = DriverManager.getConnection(server.url(), server.username(), server.password());
				Statement s = c.createStatement()) {
			s.execute("create database " + database);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create the test database on " + server.url()
					+ " (the user needs CREATEDB)", e);
		}
		String url = withDatabase(server.url(), database);
		if (dropOnExit) {
			afterAllContexts(() -> {
				try (Connection c = DriverManager.getConnection(server.url(), server.username(), server.password());
						Statement s = c.createStatement()) {
					s.execute("drop database if exists " + database + " with (force)");
				}
				catch (SQLException e) {
					log.warn("Could not drop test database {}: {}", database, e.getMessage());
				}
			});
		}
		return new Coordinates(url, server.username(), server.password(), server.source());
	}

	/**
	 * Runs at JVM exit after every Spring context has closed (Boot's shutdown handlers): a plain shutdown hook would
	 * race with the contexts, whose beans may still use the database while they close.
	 */
	private static void afterAllContexts(Runnable action) {
		SpringApplication.getShutdownHandlers().add(action);
	}

	/** Replaces the database name in a {@code jdbc:postgresql://host:port/db?params} URL. */
	static String withDatabase(String url, String database) {
		int hostStart = url.indexOf("//") + 2;
		int pathStart = url.indexOf('/', hostStart);
		int query = url.indexOf('?', hostStart);
		String prefix = pathStart < 0 || (query >= 0 && query < pathStart) ? url.substring(0, query < 0 ? url.length() : query)
				: url.substring(0, pathStart);
		String params = query < 0 ? "" : url.substring(query);
		return prefix + "/" + database + params;
	}

	private static boolean dockerAnswers() {
		if ("false".equalsIgnoreCase(setting("LEADS_TEST_DOCKER"))) {
			return false;
		}
		if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))
				&& !Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))) {
			return false; // nothing Testcontainers could talk to: skip its slower probing
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable e) {
			return false;
		}
	}

	private static String setting(String name) {
		String value = System.getenv(name);
		if (value == null) {
			value = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
		}
		return value == null || value.isBlank() ? null : value;
	}

	private static void deleteQuietly(Path root) {
		try (var paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (java.io.IOException ignored) {
			// a temp folder: the OS cleans it eventually
		}
	}
}
