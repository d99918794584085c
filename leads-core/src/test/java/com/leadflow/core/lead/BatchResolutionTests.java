package com.leadflow.core.lead;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.CompanyInfo;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.ArrivalResult;
import com.leadflow.core.LeadPool;
import com.leadflow.core.Resolution;
import com.leadflow.core.TouchAction;
import com.leadflow.core.company.Companies;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

/**
 * {@link LeadPool#resolveAll} must leave the pool exactly as {@link LeadPool#resolve} called for each arrival in order
 * would: the same leads, fields, identities, touches, recorded changes, tags, consents, notices and duplicate
 * candidates, and the same outcome per arrival. Lead ids may differ (the batch takes them in another order), so the
 * pool is compared by what identifies each lead: its identity keys' blind indexes.
 */
@SpringBootTest
class BatchResolutionTests {

	@Autowired
	LeadPool pool;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	Companies companies;

	static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	@BeforeEach
	void emptyPool() {
		CleanDatabaseTestExecutionListener.truncateAll(template);
	}

	static Arrival arrival(String name, String email, String phone, String company, TouchAction action, int day,
			String key, Map<String, Object> payload, String source) {
		Person person = new Person(name, null, null, email == null ? List.of() : List.of(email),
				phone == null ? List.of() : List.of(phone), null, null, null, null, null, null, null, null, null, null, null);
		return new Arrival(person, company == null ? null : new CompanyInfo(company, "Manufacturing", null, null),
				new TouchInput(action, "EDM", null, T0.plusSeconds(86_400L * day), null,
						action == TouchAction.WHITEPAPER_DOWNLOAD ? "wp-ai" : null, payload, key),
				source);
	}

	static Arrival simple(String name, String email, String phone, int day) {
		return arrival(name, email, phone, null, TouchAction.PAGE_VIEW, day, null, null, "WEB_FORM");
	}

	/** The pool before the batch: people the batch will match, merge, retry and notice. */
	List<Arrival> before() {
		Person crm = new Person("Gao Jie", null, null, List.of("crm@example.com"), List.of(), null, null, "CRM-1", null,
				null, null, null, null, null, "sales.zhou", null);
		return List.of(arrival("Known One", "k1@example.com", null, "Acme 有限公司", TouchAction.FORM_SUBMIT, 0, null, null,
				"WEB_FORM"), simple("张伟", null, "13700001111", 0), simple("Split A", "a3@example.com", null, 0),
				simple("Split A", null, "13900003333", 0),
				arrival("Retried", "r@example.com", null, null, TouchAction.FORM_SUBMIT, 0, "req-1", null, "API"),
				new Arrival(crm, null, TouchInput.of(TouchAction.FORM_SUBMIT, "CRM", T0), "CRM"));
	}

	/** A batch with every kind of arrival. */
	List<Arrival> batch() {
		List<Arrival> batch = new ArrayList<>();
		batch.add(arrival("新客户 一", "n1@example.com", "13811110001", "ACME有限公司", TouchAction.WHITEPAPER_DOWNLOAD, 1,
				null, null, "IMPORT")); // new; fills the company's industry; tagged
		batch.add(arrival("Known One Renamed", "K1@example.com", "13811110002", null, TouchAction.PAGE_VIEW, 2, null, null,
				"IMPORT")); // matches by e-mail, renames, adds a phone
		batch.add(simple("Invalid", "not-an-email", null, 2));
		batch.add(simple("Twice", "n2@example.com", null, 3)); // the same person twice in the batch
		batch.add(simple("Twice Again", "n2@example.com", "13811110003", 4));
		batch.add(simple(null, "a3@example.com", "139 0000 3333", 5)); // keys of two leads: a merge
		batch.add(arrival("Retried", "r@example.com", null, null, TouchAction.FORM_SUBMIT, 0, "req-1", null, "API"));
		batch.add(arrival("Keyed", "n3@example.com", null, null, TouchAction.FORM_SUBMIT, 6, "req-2", null, "API"));
		batch.add(arrival("Keyed", "n3@example.com", null, null, TouchAction.FORM_SUBMIT, 6, "req-2", null, "API"));
		batch.add(arrival(null, "crm@example.com", null, null, TouchAction.WEBINAR_ATTEND, 7, null, null, "WEBINAR"));
		batch.add(arrival("Consenting", "n4@example.com", null, null, TouchAction.FORM_SUBMIT, 8, null,
				Map.of("consent", Map.of("purposes", List.of("MARKETING_EMAIL"), "textVersion", "v1")), "WEB_FORM"));
		batch.add(arrival(null, null, "13700001111", null, TouchAction.UNSUBSCRIBE, 9, null, null, "EDM"));
		batch.add(arrival("Known One Renamd", "n5@example.com", "13811110009", "Acme 有限公司", TouchAction.PAGE_VIEW, 10,
				null, null, "IMPORT")); // a duplicate candidate of the renamed lead
		return batch;
	}

	@Test
	void aBatchLeavesThePoolAsTheSameArrivalsOneByOne() {
		before().forEach(pool::resolve);
		List<String> oneByOne = new ArrayList<>();
		for (Arrival a : batch()) {
			try {
				oneByOne.add(outcome(pool.resolve(a)));
			}
			catch (org.springframework.web.ErrorResponseException e) {
				oneByOne.add("rejected " + e.getBody().getProperties());
			}
		}
		List<String> expected = fingerprint();

		CleanDatabaseTestExecutionListener.truncateAll(template);
		before().forEach(pool::resolve);
		List<ArrivalResult> results = pool.resolveAll(batch());

		then(results.stream().map(r -> r.ok() ? outcome(r.resolution()) : "rejected " + r.rejected().getBody().getProperties()))
			.containsExactlyElementsOf(oneByOne);
		then(fingerprint()).containsExactlyElementsOf(expected);
		then(oneByOne).contains("CREATED", "MATCHED [EMAIL] lead of EMAIL", "DUPLICATE_TOUCH", "MATCHED [EMAIL, PHONE] merged 1");
	}

	@Test
	void aReplayedBatchAddsNothingAndAnswersWithTheFirstTouches() {
		List<Arrival> keyed = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			keyed.add(arrival("Person " + i, "p" + i + "@example.com", null, "Company " + (i % 3), TouchAction.FORM_SUBMIT,
					1, "batch-1:" + i, null, "IMPORT"));
		}
		List<ArrivalResult> first = pool.resolveAll(keyed);
		List<String> state = fingerprint();

		List<ArrivalResult> replay = pool.resolveAll(keyed);

		then(first).allMatch(r -> r.resolution().outcome() == Resolution.Outcome.CREATED);
		then(replay).allMatch(r -> r.resolution().outcome() == Resolution.Outcome.DUPLICATE_TOUCH);
		then(replay.stream().map(r -> r.resolution().touchId()))
			.containsExactlyElementsOf(first.stream().map(r -> r.resolution().touchId()).toList());
		then(fingerprint()).containsExactlyElementsOf(state);
		then(count("select count(*) from company")).isEqualTo(3);
	}

	@Test
	void concurrentBatchesOfOverlappingPeopleEndWithOneLeadPerPerson() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<ArrivalResult>>> futures = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			List<Arrival> batch = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				int person = (i * (t + 1)) % 150; // every batch meets people of the others
				batch.add(simple("Person " + person, "p" + person + "@example.com", String.format("1390%03d4321", person), 1));
			}
			futures.add(threads.submit(() -> {
				start.await();
				return pool.resolveAll(batch);
			}));
		}
		start.countDown();
		long touches = 0;
		for (Future<List<ArrivalResult>> f : futures) {
			touches += f.get().stream().filter(ArrivalResult::ok).count();
		}
		threads.shutdown();

		then(touches).isEqualTo(800);
		then(count("select count(*) from lead where merged_into is null")).isEqualTo(150);
		then(count("select count(*) from touch")).isEqualTo(800);
		then(count("select count(*) from lead_identity")).isEqualTo(300);
	}

	@Test
	void concurrentBatchesCarryingTheSameIdempotencyKeysStoreEachTouchOnce() throws Exception {
		List<Arrival> known = new ArrayList<>();
		List<Arrival> keyed = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			known.add(simple("Person " + i, "k" + i + "@example.com", null, 0));
			keyed.add(arrival("Person " + i, "k" + i + "@example.com", null, null, TouchAction.FORM_SUBMIT, 1,
					"req:" + i, null, "API"));
		}
		pool.resolveAll(known); // the batches below lock these leads: each one that waited finds the keys taken
		ExecutorService threads = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<ArrivalResult>>> futures = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			List<Arrival> batch = new ArrayList<>(keyed);
			java.util.Collections.rotate(batch, 25 * t); // each batch reaches the keys in another order
			futures.add(threads.submit(() -> {
				start.await();
				return pool.resolveAll(batch);
			}));
		}
		start.countDown();
		java.util.Set<Long> touchIds = new java.util.HashSet<>();
		int firstTimes = 0;
		for (Future<List<ArrivalResult>> f : futures) {
			for (ArrivalResult r : f.get()) {
				then(r.ok()).isTrue();
				touchIds.add(r.resolution().touchId());
				firstTimes += r.resolution().outcome() == Resolution.Outcome.DUPLICATE_TOUCH ? 0 : 1;
			}
		}
		threads.shutdown();

		then(firstTimes).isEqualTo(100);
		then(touchIds).hasSize(100);
		then(count("select count(*) from touch where idempotency_key is not null")).isEqualTo(100);
		then(count("select count(distinct idempotency_key) from touch")).isEqualTo(100);
		then(count("select count(*) from lead")).isEqualTo(100);
	}

	@Test
	void anAccountOwnerHearsOfTheActivityOfTheAccountsLeadsThatHaveNoOwnerOfTheirOwn() {
		companies.save("Owned Customer Ltd", "Manufacturing", null, null, true, null, "kam.li");
		companies.save("Owned Prospect Ltd", "Manufacturing", null, null, false, null, "kam.li");
		companies.save("Unowned Customer Ltd", "Manufacturing", null, null, true, null, null);

		pool.resolveAll(List.of(
				arrival("At Owned Customer", "c1@example.com", null, "Owned Customer Ltd", TouchAction.PAGE_VIEW, 1, null,
						null, "IMPORT"),
				arrival("At Owned Prospect", "p1@example.com", null, "Owned Prospect Ltd", TouchAction.PAGE_VIEW, 1, null,
						null, "IMPORT"),
				arrival("At Unowned Customer", "u1@example.com", null, "Unowned Customer Ltd", TouchAction.PAGE_VIEW, 1,
						null, null, "IMPORT"),
				arrival("Without Account", "w1@example.com", null, null, TouchAction.PAGE_VIEW, 1, null, null, "IMPORT")));

		then(jdbc.sql("select owner || ': ' || message from customer_notification").query(String.class).list())
			.containsExactly("kam.li: Your customer At Owned Customer (Owned Customer Ltd) has new activity: PAGE_VIEW");
	}

	private static String outcome(Resolution r) {
		return r.outcome() + (r.matchedKeys().isEmpty() ? "" : " " + r.matchedKeys())
				+ (r.outcome() == Resolution.Outcome.MATCHED && r.mergedLeadIds().isEmpty() ? " lead of " + r.matchedKeys().get(0) : "")
				+ (r.mergedLeadIds().isEmpty() ? "" : " merged " + r.mergedLeadIds().size());
	}

	/**
	 * Every table the pool writes, with lead ids replaced by the lead's identity indexes (ids differ between the two
	 * paths), sorted.
	 */
	private List<String> fingerprint() {
		String person = "(select coalesce(string_agg(i.kind || ':' || left(i.value_index, 12), ',' order by i.kind, i.value_index), 'none')"
				+ " from lead_identity i where i.lead_id = %s)";
		List<String> rows = new ArrayList<>();
		rows.addAll(jdbc.sql("select 'lead ' || " + person.formatted("l.id") + " || ' ' || concat_ws('|', l.name, l.title, "
				+ "l.region, l.owner, c.match_name, c.industry, l.attributes::text, l.field_sources::text, l.lifecycle_stage, "
				+ "l.created_at, l.merged_into is null) from lead l left join company c on c.id = l.company_id")
			.query(String.class).list());
		rows.addAll(jdbc.sql("select 'touch ' || " + person.formatted("t.lead_id") + " || ' ' || concat_ws('|', t.action, "
				+ "t.channel, t.occurred_at, t.content_id, t.payload::text, t.idempotency_key) from touch t")
			.query(String.class).list());
		rows.addAll(jdbc.sql("select 'change ' || " + person.formatted("a.lead_id") + " || ' ' || concat_ws('|', t.action, "
				+ "t.occurred_at, a.fields_before::text, a.fields_after::text, cardinality(a.added_identity_ids), "
				+ "cardinality(a.merged_lead_ids)) from arrival_change a join touch t on t.id = a.touch_id")
			.query(String.class).list());
		rows.addAll(jdbc.sql("select 'tag ' || " + person.formatted("lead_id") + " || ' ' || tag || ' ' || origin from lead_tag")
			.query(String.class).list());
		rows.addAll(jdbc.sql("select 'consent ' || " + person.formatted("lead_id") + " || concat_ws('|', purpose, granted, "
				+ "source, text_version, withdrawn_at is null) from lead_consent").query(String.class).list());
		rows.addAll(jdbc.sql("select 'notice ' || " + person.formatted("lead_id") + " || owner || ' ' || message "
				+ "from customer_notification").query(String.class).list());
		rows.addAll(jdbc.sql("select 'candidate ' || " + person.formatted("lead_a") + " || ' ' || " + person.formatted("lead_b")
				+ " || ' ' || reason || ' ' || round(similarity::numeric, 3) from duplicate_candidate").query(String.class).list());
		rows.addAll(jdbc.sql("select 'company ' || concat_ws('|', name, match_name, industry) from company")
			.query(String.class).list());
		rows.addAll(jdbc.sql("select 'merge ' || " + person.formatted("survivor_id") + " from lead_merge").query(String.class).list());
		return rows.stream().sorted().toList();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
