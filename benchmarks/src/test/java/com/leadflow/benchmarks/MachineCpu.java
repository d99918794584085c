package com.leadflow.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The machine's CPU time (every process, every core: {@code /proc/stat}) over a phase of a benchmark: busy seconds
 * measure the work a phase took even when the machine runs slow, and stolen seconds show a noisy host. The JVM's own
 * share and PostgreSQL's (client backends, autovacuum, the rest; its processes are sampled every second, so that
 * short-lived autovacuum workers count too) are split out. Linux only; elsewhere {@link #start} gives null and nothing
 * is reported.
 */
final class MachineCpu {

	private static final Path STAT = Path.of("/proc/stat");

	/** Clock ticks per second of /proc/stat (USER_HZ, 100 on Linux). */
	private static final double HZ = 100.0;

	private final long busy;

	private final long steal;

	private final long jvmNanos;

	private final double jitSeconds;

	/** A PostgreSQL process seen: its kind, its CPU ticks when first and when last seen. */
	private record Seen(String kind, long first, long last) {
	}

	/** PostgreSQL processes seen, by pid. */
	private final Map<String, Seen> postgres = new ConcurrentHashMap<>();

	private final Thread sampler;

	private volatile boolean sampling = true;

	private MachineCpu(long busy, long steal, long jvmNanos, double jitSeconds) {
		this.busy = busy;
		this.steal = steal;
		this.jvmNanos = jvmNanos;
		this.jitSeconds = jitSeconds;
		samplePostgres(true);
		this.sampler = Thread.ofPlatform().daemon().name("machine-cpu").start(() -> {
			while (sampling) {
				samplePostgres(false);
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
	}

	static MachineCpu start() {
		long[] t = read();
		return t == null ? null : new MachineCpu(t[0], t[1], jvmNanos(), jitCpuSeconds());
	}

	/** Reads every PostgreSQL process's CPU ticks; a process first seen at the start counts from then, others from 0. */
	private void samplePostgres(boolean atStart) {
		try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
			procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(d -> {
				try {
					String cmd = new String(Files.readAllBytes(d.resolve("cmdline"))).replace('\0', ' ');
					if (!cmd.startsWith("postgres") && !cmd.contains("/bin/postgres ")) {
						return;
					}
					String stat = Files.readString(d.resolve("stat"));
					String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
					String kind = cmd.startsWith("postgres: autovacuum worker") ? "autovacuum"
							: cmd.matches("postgres: \\S+ \\S+ \\d.*") ? "client backends" : "other processes";
					postgres.compute(d.getFileName().toString(), (pid, seen) -> seen == null
							? new Seen(kind, atStart ? ticks : 0, ticks) : new Seen(seen.kind(), seen.first(), ticks));
				}
				catch (IOException | RuntimeException e) {
					// gone meanwhile
				}
			});
		}
		catch (IOException e) {
			// no /proc
		}
	}

	/**
	 * Prints the CPU seconds since {@link #start} per {@code perUnits} units of work: the machine's busy seconds, the
	 * JVM's (and its JIT compilers') and PostgreSQL's shares, and the stolen seconds.
	 */
	void report(String benchmark, String phase, long units, long perUnits, String unit) {
		long[] t = read();
		sampling = false;
		sampler.interrupt();
		samplePostgres(false);
		if (t == null) {
			return;
		}
		double scale = (double) perUnits / units;
		BenchmarkReport.figure(benchmark, phase + ": CPU time of the whole machine (all processes, both cores) per "
				+ String.format("%,d", perUnits) + " " + unit, (t[0] - busy) / HZ * scale, "CPU s");
		BenchmarkReport.figure(benchmark, phase + ": of which this JVM (the rest is mostly PostgreSQL), per "
				+ String.format("%,d", perUnits) + " " + unit, (jvmNanos() - jvmNanos) / 1e9 * scale, "CPU s");
		Map<String, Long> byKind = new TreeMap<>();
		postgres.values().forEach(p -> byKind.merge(p.kind(), p.last() - p.first(), Long::sum));
		byKind.forEach((kind, ticks) -> BenchmarkReport.figure(benchmark, phase + ": of which PostgreSQL's " + kind
				+ ", per " + String.format("%,d", perUnits) + " " + unit, ticks / HZ * scale, "CPU s"));
		BenchmarkReport.figure(benchmark, phase + ": of which the JVM's JIT compiler threads (a warm JVM spends next to "
				+ "none), per " + String.format("%,d", perUnits) + " " + unit, (jitCpuSeconds() - jitSeconds) * scale,
				"CPU s");
		BenchmarkReport.figure(benchmark, phase + ": CPU time stolen by the host in the same span, per "
				+ String.format("%,d", perUnits) + " " + unit, (t[1] - steal) / HZ * scale, "CPU s");
	}

	/** CPU time of this JVM, every thread. */
	static long jvmNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * CPU seconds the JIT compiler threads of this JVM used so far ({@code /proc/self/task}; 0 off Linux). The
	 * compilation MXBean's compile time counts wall time, which on two busy cores is mostly waiting for a core. A
	 * compiler thread that ended since (the JVM stops idle ones) is not counted.
	 */
	static double jitCpuSeconds() {
		long ticks = 0;
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					if (name.matches("C[12] CompilerThre.*")) {
						String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
					}
				}
				catch (IOException | RuntimeException e) {
					// ended meanwhile
				}
			}
		}
		catch (IOException e) {
			return 0;
		}
		return ticks / HZ;
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
