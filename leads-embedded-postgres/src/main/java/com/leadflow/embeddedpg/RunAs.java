package com.leadflow.embeddedpg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * PostgreSQL refuses to run as root. When the JVM is root, server commands are prefixed with {@code setpriv} so that
 * they run under an unprivileged uid, which also owns the data folder. The ambient {@code CAP_DAC_OVERRIDE} lets that
 * uid reach a data folder below a private home (e.g. {@code /root/project/.leadflow}); where the capability cannot be
 * granted (a restricted container) the plain uid switch is used.
 */
final class RunAs {

	private RunAs() {
	}

	static boolean jvmIsRoot() {
		try {
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	/** The command prefix for server commands: empty unless the JVM is root. */
	static List<String> prefixFor(String user, Path dataDir) throws IOException {
		if (!jvmIsRoot()) {
			return List.of();
		}
		String uid = id("-u", user);
		String gid = id("-g", user);
		List<String> withCapability = List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups",
				"--inh-caps=+dac_override", "--ambient-caps=+dac_override");
		if (EmbeddedPostgres.exec(withCapability, List.of("true")).exitCode() == 0) {
			return withCapability;
		}
		List<String> plain = List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
		if (EmbeddedPostgres.exec(plain, List.of("true")).exitCode() != 0) {
			throw new IOException("Running as root, but setpriv cannot switch to user '" + user
					+ "'. Run as a normal user, or set LEADS_DB_URL to an external PostgreSQL.");
		}
		return plain;
	}

	/** Hands a file or folder tree to the uid the server runs as (no-op when not root). */
	static void giveTo(Path path, List<String> prefix) throws IOException {
		if (prefix.isEmpty()) {
			return;
		}
		int uid = Integer.parseInt(prefix.get(1).substring("--reuid=".length()));
		int gid = Integer.parseInt(prefix.get(2).substring("--regid=".length()));
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path p : (Iterable<Path>) paths::iterator) {
				Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
				Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
			}
		}
	}

	private static String id(String flag, String user) throws IOException {
		EmbeddedPostgres.ProcessResult result = EmbeddedPostgres.exec(List.of(), List.of("id", flag, user));
		if (result.exitCode() != 0) {
			throw new IOException("Running as root, but there is no user '" + user
					+ "' to run PostgreSQL as (set leadflow.db.embedded.run-as-user): " + result.output());
		}
		return result.output();
	}
}
