package com.leadflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

/** Prints a benchmark figure and appends it to {@code target/benchmark-results.txt} (copied into docs/benchmarks.md). */
public final class BenchmarkReport {

	private static final Path RESULTS = Path.of("target", "benchmark-results.txt");

	private BenchmarkReport() {
	}

	public static void figure(String benchmark, String name, double value, String unit) {
		String line = String.format("BENCHMARK %s | %s | %.1f %s | %s, %d cores, %s", benchmark, name, value, unit,
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		System.out.println(line);
		try {
			Files.createDirectories(RESULTS.getParent());
			Files.writeString(RESULTS, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
