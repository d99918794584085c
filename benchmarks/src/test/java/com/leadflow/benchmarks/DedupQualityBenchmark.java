package com.leadflow.benchmarks;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadflow.LeadflowApplication;
import com.leadflow.campaigns.importing.ImportJob;
import com.leadflow.campaigns.importing.ImportJobs;
import com.leadflow.campaigns.importing.ImportService;
import com.leadflow.campaigns.importing.ImportService.StartImport;
import com.leadflow.campaigns.importing.ImportWorker;
import com.leadflow.campaigns.importing.Uploads;
import com.leadflow.core.Arrival;
import com.leadflow.core.ArrivalResult;
import com.leadflow.core.LeadPool;
import com.leadflow.core.TouchAction;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

/**
 * How well the pool tells people apart on a messy Chinese lead file ({@link MessyChineseLeads}, seed
 * {@code bench.dedupSeed}, {@code bench.dedupPersons} people, {@code bench.dedupBadRows} rows without any contact),
 * imported as a user would (GB18030, Chinese headers, the proposed mapping). Against the file's truth it prints the
 * pairwise precision and recall of the pool's leads (two rows in one lead vs two rows of one person), the share of
 * valid rows rejected, the share of persons left in more than one lead and how many of those split pairs the candidate
 * queue holds. The same file is then imported again with English headers: it must create no lead. Last, the Febrl
 * {@code dataset1} (1,000 records, 500 true pairs, typos in names) as leads of one company: the recall and precision of
 * the candidate queue for names with typos.
 */
@Tag("benchmark")
@SpringBootTest(classes = LeadflowApplication.class, properties = { "leadflow.campaigns.import.worker-enabled=false" })
class DedupQualityBenchmark {

	static final long SEED = Long.getLong("bench.dedupSeed", 90_250_176L);

	static final int PERSONS = Integer.getInteger("bench.dedupPersons", 5_000);

	static final int BAD_ROWS = Integer.getInteger("bench.dedupBadRows", 176);

	static final Charset GB18030 = Charset.forName("GB18030");

	@Autowired
	Uploads uploads;

	@Autowired
	ImportService imports;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportWorker worker;

	@Autowired
	LeadPool pool;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void clustersOfAMessyChineseFileAgainstTheirTruth() throws Exception {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		MessyChineseLeads file = MessyChineseLeads.generate(SEED, PERSONS, BAD_ROWS);
		Path chinese = Files.createTempFile("dedup-bench-zh", ".csv");
		Path english = Files.createTempFile("dedup-bench-en", ".csv");
		try {
			file.write(chinese, MessyChineseLeads.CHINESE_HEADERS, GB18030);
			file.write(english, MessyChineseLeads.ENGLISH_HEADERS, GB18030);
			int rows = file.rows().size();
			System.out.printf("generated %,d rows (%,d people, %,d without any contact), seed %d%n", rows,
					file.persons(), BAD_ROWS, SEED);

			long started = System.nanoTime();
			ImportJob first = importFile(chinese);
			double seconds = (System.nanoTime() - started) / 1e9;
			then(first.read()).isEqualTo(rows);
			Map<Long, Long> leadOfRow = leadOfRow(first.id());
			Quality q = quality(file, leadOfRow, openCandidates());
			long leads = jdbc.queryForObject("select count(*) from lead where merged_into is null", Long.class);
			System.out.printf("import: %,d created, %,d matched, %,d in-file duplicates, %,d rejected, %,d with warnings "
					+ "in %.1f s; %,d leads for %,d people%n", first.created(), first.matched(), first.duplicatesInFile(),
					first.failed(), first.withWarnings(), seconds, leads, file.persons());
			System.out.printf("truth: %,d same-person pairs; leads: %,d pairs, %,d of them right; %,d persons split, "
					+ "%,d of %,d split pairs queued; %,d bad rows stored%n", q.truePairs(), q.predictedPairs(),
					q.rightPairs(), q.splitPersons(), q.queuedSplitPairs(), q.splitPairs(), q.badRowsStored());

			printSplitPersons(file, leadOfRow, openCandidates(), 12);

			ImportJob again = importFile(english);
			System.out.printf("re-import with English headers: %,d created, %,d matched, %,d rejected%n", again.created(),
					again.matched() + again.duplicatesInFile(), again.failed());

			String what = String.format("%,d-row GB18030 file, %,d people, seed %d", rows, file.persons(), SEED);
			BenchmarkReport.figure("DedupQualityBenchmark", "pairwise precision (" + what + ")", q.precision(), "");
			BenchmarkReport.figure("DedupQualityBenchmark", "pairwise recall", q.recall(), "");
			BenchmarkReport.figure("DedupQualityBenchmark", "valid rows rejected", 100.0 * q.validRejected() / q.validRows(),
					"%");
			BenchmarkReport.figure("DedupQualityBenchmark", "persons left in more than one lead",
					100.0 * q.splitPersons() / file.persons(), "%");
			BenchmarkReport.figure("DedupQualityBenchmark", "candidate-queue recall over the pairs left split",
					q.splitPairs() == 0 ? 1.0 : (double) q.queuedSplitPairs() / q.splitPairs(), "");
			BenchmarkReport.figure("DedupQualityBenchmark", "open candidates in the queue", q.candidates(), "pairs");
			BenchmarkReport.figure("DedupQualityBenchmark", "candidate-queue precision (pairs of one person)",
					q.candidates() == 0 ? 1.0 : (double) q.queuedSplitPairs() / q.candidates(), "");
			BenchmarkReport.figure("DedupQualityBenchmark", "re-import with English headers: leads created",
					again.created(), "leads");
			BenchmarkReport.figure("DedupQualityBenchmark", "import rate of the messy file (empty pool)", rows / seconds,
					"rows/s");

			then(q.precision()).as("pairwise precision").isGreaterThanOrEqualTo(0.999);
			then(q.recall()).as("pairwise recall").isGreaterThanOrEqualTo(0.99);
			then((double) q.validRejected() / q.validRows()).as("valid rows rejected").isLessThanOrEqualTo(0.005);
			then((double) q.splitPersons() / file.persons()).as("persons split").isLessThanOrEqualTo(0.005);
			then(again.created()).as("leads created by the re-import").isZero();
		}
		finally {
			Files.deleteIfExists(chinese);
			Files.deleteIfExists(english);
		}
	}

	@Test
	void febrlNamesWithTyposReachTheCandidateQueue() throws Exception {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		List<String> lines = Files.readAllLines(Path.of("..", "..", "shared", "data", "febrl-dataset1.csv"));
		List<Arrival> arrivals = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",", -1);
			String name = (f[1].strip() + " " + f[2].strip()).strip();
			String id = f[0].strip();
			ids.add(id);
			arrivals.add(new Arrival(new Arrival.Person(name.isEmpty() ? null : name, null, null, List.of(), List.of(),
					null, null, "febrl:" + id, null, null, f[6].strip(), null, null, null, null, null),
					new Arrival.CompanyInfo("Febrl Pty Ltd", null, null, null),
					Arrival.TouchInput.of(TouchAction.IMPORT, "IMPORT", Instant.now()), "IMPORT"));
		}
		Map<Long, String> personOfLead = new HashMap<>();
		for (int from = 0; from < arrivals.size(); from += 500) {
			List<ArrivalResult> results = pool.resolveAll(arrivals.subList(from, Math.min(arrivals.size(), from + 500)));
			for (int i = 0; i < results.size(); i++) {
				then(results.get(i).ok()).isTrue();
				personOfLead.put(results.get(i).resolution().leadId(), ids.get(from + i).replaceAll("-(org|dup-\\d+)$", ""));
			}
		}
		Set<List<Long>> truePairs = new HashSet<>();
		Map<String, List<Long>> byPerson = new HashMap<>();
		personOfLead.forEach((lead, person) -> byPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(lead));
		byPerson.values().forEach(group -> pairsOf(group).forEach(truePairs::add));
		List<List<Long>> queued = openCandidates().stream().toList();
		long right = queued.stream().filter(truePairs::contains).count();
		System.out.printf("Febrl dataset1: %,d leads, %,d true pairs, %,d queued, %,d of them true%n", personOfLead.size(),
				truePairs.size(), queued.size(), right);
		BenchmarkReport.figure("DedupQualityBenchmark", "Febrl dataset1 names with typos: candidate-queue recall",
				(double) right / truePairs.size(), "");
		BenchmarkReport.figure("DedupQualityBenchmark", "Febrl dataset1: candidate-queue precision",
				queued.isEmpty() ? 1.0 : (double) right / queued.size(), "");
		then(personOfLead).hasSize(arrivals.size());
	}

	private ImportJob importFile(Path file) throws Exception {
		long uploadId;
		try (InputStream in = Files.newInputStream(file)) {
			uploadId = uploads.store(in, "线索导出.csv", null).uploadId();
		}
		long jobId = imports.start(new StartImport(uploadId, null, null, null, false, false, null)).id();
		then(worker.runOnce()).isTrue();
		ImportJob job = jobs.find(jobId).orElseThrow();
		then(job.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
		return job;
	}

	/** Each stored row's lead today (after every merge), by row number. */
	private Map<Long, Long> leadOfRow(long jobId) {
		Map<Long, Long> leadOfRow = new HashMap<>();
		String prefix = "import:" + jobId + ":";
		jdbc.query("""
				with recursive canon(id, survivor) as (
				    select id, id from lead where merged_into is null
				    union all
				    select l.id, c.survivor from lead l join canon c on l.merged_into = c.id
				)
				select t.idempotency_key, c.survivor from touch t join canon c on c.id = t.lead_id
				where t.idempotency_key like ?""", rs -> {
			leadOfRow.put(Long.valueOf(rs.getString(1).substring(prefix.length())), rs.getLong(2));
		}, prefix + "%");
		return leadOfRow;
	}

	/** The rows of some persons left in more than one lead, for reading why. */
	private static void printSplitPersons(MessyChineseLeads file, Map<Long, Long> leadOfRow, Set<List<Long>> queue,
			int limit) {
		int shown = 0;
		for (List<Long> rows : file.rowsByPerson().values()) {
			if (shown < limit && rows.stream().map(leadOfRow::get).filter(java.util.Objects::nonNull).distinct().count() > 1) {
				shown++;
				List<Long> leads = rows.stream().map(leadOfRow::get).filter(java.util.Objects::nonNull).distinct().toList();
				boolean queued = pairsOf(leads).stream().allMatch(queue::contains);
				System.out.println("split" + (queued ? " (queued): " : " (not queued): ") + rows.stream()
					.map(r -> "lead " + leadOfRow.get(r) + " " + file.rows().get((int) (r - 1)).cells())
					.collect(java.util.stream.Collectors.joining(" | ")));
			}
		}
	}

	/** The open candidate pairs (smaller lead id first). */
	private Set<List<Long>> openCandidates() {
		Set<List<Long>> pairs = new HashSet<>();
		jdbc.query("select lead_a, lead_b from duplicate_candidate where status = 'OPEN'",
				rs -> {
					pairs.add(List.of(Math.min(rs.getLong(1), rs.getLong(2)), Math.max(rs.getLong(1), rs.getLong(2))));
				});
		return pairs;
	}

	record Quality(long truePairs, long predictedPairs, long rightPairs, long validRows, long validRejected,
			long splitPersons, long splitPairs, long queuedSplitPairs, long badRowsStored, long candidates) {

		double precision() {
			return predictedPairs == 0 ? 1.0 : (double) rightPairs / predictedPairs;
		}

		double recall() {
			return truePairs == 0 ? 1.0 : (double) rightPairs / truePairs;
		}
	}

	private static Quality quality(MessyChineseLeads file, Map<Long, Long> leadOfRow, Set<List<Long>> candidates) {
		long truePairs = 0, validRows = 0, rejected = 0, split = 0, splitPairs = 0, queued = 0;
		Map<Long, Map<Integer, Long>> personsOfLead = new HashMap<>();
		for (Map.Entry<Integer, List<Long>> e : file.rowsByPerson().entrySet()) {
			List<Long> rows = e.getValue();
			truePairs += (long) rows.size() * (rows.size() - 1) / 2;
			validRows += rows.size();
			Set<Long> leads = new HashSet<>();
			for (long row : rows) {
				Long lead = leadOfRow.get(row);
				if (lead == null) {
					rejected++;
					continue;
				}
				leads.add(lead);
				personsOfLead.computeIfAbsent(lead, k -> new HashMap<>()).merge(e.getKey(), 1L, Long::sum);
			}
			if (leads.size() > 1) {
				split++;
				for (List<Long> pair : pairsOf(new ArrayList<>(leads))) {
					splitPairs++;
					if (candidates.contains(pair)) {
						queued++;
					}
				}
			}
		}
		long predicted = 0, right = 0;
		for (Map<Integer, Long> persons : personsOfLead.values()) {
			long n = persons.values().stream().mapToLong(Long::longValue).sum();
			predicted += n * (n - 1) / 2;
			right += persons.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();
		}
		long badStored = 0;
		for (int i = 0; i < file.rows().size(); i++) {
			if (file.rows().get(i).person() < 0 && leadOfRow.containsKey((long) i + 1)) {
				badStored++;
			}
		}
		return new Quality(truePairs, predicted, right, validRows, rejected, split, splitPairs, queued, badStored,
				candidates.size());
	}

	private static List<List<Long>> pairsOf(List<Long> ids) {
		List<List<Long>> pairs = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			for (int j = i + 1; j < ids.size(); j++) {
				pairs.add(List.of(Math.min(ids.get(i), ids.get(j)), Math.max(ids.get(i), ids.get(j))));
			}
		}
		return pairs;
	}
}
