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
		// ratios and other small figures keep three significant digits (0.0021, not 0.0)
		String figure = Math.abs(value) >= 10 || value == 0 ? String.format("%.1f", value)
				: new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
		String line = String.format("BENCHMARK %s | %s | %s %s | %s, %d cores, %s", benchmark, name, figure, unit,
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
