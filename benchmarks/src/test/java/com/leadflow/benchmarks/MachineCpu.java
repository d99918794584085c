package com.leadflow.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time (every process, every core: {@code /proc/stat}) over a phase of a benchmark: busy seconds
 * measure the work a phase took even when the machine runs slow, and stolen seconds show a noisy host. Linux only;
 * elsewhere {@link #start} gives null and nothing is reported.
 */
final class MachineCpu {

	private static final Path STAT = Path.of("/proc/stat");

	/** Clock ticks per second of /proc/stat (USER_HZ, 100 on Linux). */
	private static final double HZ = 100.0;

	private final long busy;

	private final long steal;

	private final long jvmNanos;

	private final long jitMillis;

	private MachineCpu(long busy, long steal, long jvmNanos, long jitMillis) {
		this.busy = busy;
		this.steal = steal;
		this.jvmNanos = jvmNanos;
		this.jitMillis = jitMillis;
	}

	static MachineCpu start() {
		long[] t = read();
		try { Files.writeString(Path.of("/tmp/pgsample.go"), ""); } catch (IOException e) { }
		return t == null ? null : new MachineCpu(t[0], t[1], jvmNanos(), jitMillis());
	}

	/** Prints the busy and stolen CPU seconds since {@link #start} per {@code perUnits} units of work. */
	void report(String benchmark, String phase, long units, long perUnits, String unit) {
		long[] t = read();
		try { Files.writeString(Path.of("/tmp/pgsample.stop"), ""); } catch (IOException e) { }
		if (t == null) {
			return;
		}
		double scale = (double) perUnits / units;
		BenchmarkReport.figure(benchmark, phase + ": CPU time of the whole machine (all processes, both cores) per "
				+ String.format("%,d", perUnits) + " " + unit, (t[0] - busy) / HZ * scale, "CPU s");
		BenchmarkReport.figure(benchmark, phase + ": of which this JVM (the rest is mostly PostgreSQL), per "
				+ String.format("%,d", perUnits) + " " + unit, (jvmNanos() - jvmNanos) / 1e9 * scale, "CPU s");
		BenchmarkReport.figure(benchmark, phase + ": time the JIT compilers spent compiling in the same span (a warm "
				+ "JVM spends next to none), per " + String.format("%,d", perUnits) + " " + unit,
				(jitMillis() - jitMillis) / 1e3 * scale, "s");
		BenchmarkReport.figure(benchmark, phase + ": CPU time stolen by the host in the same span, per "
				+ String.format("%,d", perUnits) + " " + unit, (t[1] - steal) / HZ * scale, "CPU s");
	}

	/** CPU time of this JVM, every thread. */
	private static long jvmNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** Time spent compiling so far, summed over the compiler threads. */
	private static long jitMillis() {
		var jit = ManagementFactory.getCompilationMXBean();
		return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
	}

	/** busy (user + nice + system + irq + softirq) and steal ticks, or null off Linux. */
	private static long[] read() {
		try {
			if (!Files.isReadable(STAT)) {
				return null;
			}
			String[] f = Files.readAllLines(STAT).get(0).trim().split("\\s+"); // cpu user nice system idle iowait irq softirq steal
			long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
					+ Long.parseLong(f[7]);
			return new long[] { busy, f.length > 8 ? Long.parseLong(f[8]) : 0 };
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}
}
