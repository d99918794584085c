package com.leadflow.core.lead;

import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.Resolution;
import com.leadflow.core.TouchAction;
import com.leadflow.core.identity.InvalidArrivalException;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

@SpringBootTest
class IdentityResolutionTests {

	@Autowired
	LeadPool pool;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Leads leads;

	@BeforeEach
	void emptyPool(@Autowired JdbcTemplate template) {
		CleanDatabaseTestExecutionListener.truncateAll(template);
	}

	static Arrival arrival(String name, String email, String phone) {
		return new Arrival(Person.of(name, email, phone), null,
				TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM");
	}

	/** Resolves the arrivals on a thread each, released together; their resolutions in the same order. */
	private List<Resolution> allAtOnce(List<Arrival> arrivals) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(arrivals.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Resolution>> results = new ArrayList<>();
		for (Arrival arrival : arrivals) {
			results.add(threads.submit(() -> {
				start.await();
				return pool.resolve(arrival);
			}));
		}
		start.countDown();
		List<Resolution> resolutions = new ArrayList<>();
		for (Future<Resolution> f : results) {
			resolutions.add(f.get());
		}
		threads.shutdown();
		return resolutions;
	}

	@Test
	void fiftyConcurrentArrivalsOfOnePersonEndAsOneLeadWithFiftyTouches() throws Exception {
		// given 5 spellings of one mobile and 2 casings of one e-mail
		List<String> phones = List.of("138 0013 8000", "+86-138-0013-8000", "008613800138000", "86 13800138000",
				"13800138000");
		List<String> emails = List.of("Wang.Fang@Example.com", "wang.fang@example.com");
		List<Arrival> arrivals = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			arrivals.add(arrival("王芳", emails.get(i % 2), phones.get(i % 5)));
		}

		// when they all arrive at once
		List<Resolution> resolutions = allAtOnce(arrivals);

		// then there is exactly one lead holding all 50 touches and two identity keys
		then(resolutions).extracting(Resolution::leadId).containsOnly(resolutions.get(0).leadId());
		then(resolutions).filteredOn(r -> r.outcome() == Resolution.Outcome.CREATED).hasSize(1);
		then(count("select count(*) from lead where merged_into is null")).isEqualTo(1);
		then(count("select count(*) from lead")).isEqualTo(1);
		then(pool.touches(resolutions.get(0).leadId())).hasSize(50);
		then(leads.identitiesOf(resolutions.get(0).leadId())).extracting(i -> i.key().toString())
			.containsExactlyInAnyOrder("EMAIL:wang.fang@example.com", "PHONE:+8613800138000");
		then(count("select count(*) from lead_identity")).isEqualTo(2);
	}

	@Test
	void aKnownKeyAttachesAndUnknownKeysAreAdded() {
		Resolution first = pool.resolve(arrival("Li Lei", "li.lei@example.com", null));

		Resolution second = pool.resolve(arrival(null, "LI.LEI@example.com", "13911112222"));

		then(second.outcome()).isEqualTo(Resolution.Outcome.MATCHED);
		then(second.leadId()).isEqualTo(first.leadId());
		then(second.matchedKeys()).containsExactly("EMAIL");
		then(pool.find(first.leadId()).orElseThrow().phones()).containsExactly("+8613911112222");
		then(pool.find(first.leadId()).orElseThrow().name()).isEqualTo("Li Lei");
	}

	@Test
	void anArrivalWithKeysOfTwoLeadsMergesThemInsteadOfDroppingAKey() {
		// given lead A known by e-mail and lead B known by phone
		Resolution a = pool.resolve(arrival("Zhang Wei", "zhang.wei@example.com", null));
		Resolution b = pool.resolve(arrival("张伟", null, "13700001111"));

		// when one touch carries A's e-mail and B's phone
		Resolution both = pool.resolve(arrival(null, "zhang.wei@example.com", "137 0000 1111"));

		// then A and B are merged (recorded), and the touch belongs to the survivor
		then(both.outcome()).isEqualTo(Resolution.Outcome.MATCHED);
		then(both.leadId()).isEqualTo(a.leadId());
		then(both.mergedLeadIds()).containsExactly(b.leadId());
		then(both.matchedKeys()).containsExactly("EMAIL", "PHONE");
		then(pool.canonicalId(b.leadId())).isEqualTo(a.leadId());
		then(pool.touches(a.leadId())).hasSize(3);
		then(count("select count(*) from lead_merge where survivor_id = " + a.leadId() + " and absorbed_id = " + b.leadId()))
			.isEqualTo(1);
	}

	@Test
	void aRetriedArrivalWithTheSameIdempotencyKeyAddsNoSecondTouch() {
		Arrival arrival = new Arrival(Person.of("Chen", "chen@example.com", null), null,
				new TouchInput(TouchAction.WHITEPAPER_DOWNLOAD, "WHITEPAPER", 7L, Instant.now(), null, "wp-ai", null,
						"req-42"),
				"API");

		Resolution first = pool.resolve(arrival);
		Resolution retry = pool.resolve(arrival);

		then(retry.outcome()).isEqualTo(Resolution.Outcome.DUPLICATE_TOUCH);
		then(retry.touchId()).isEqualTo(first.touchId());
		then(pool.touches(first.leadId())).hasSize(1);
		then(pool.find(first.leadId()).orElseThrow().tags()).containsExactly("interest:wp-ai");
	}

	@Test
	void concurrentRetriesWithOneIdempotencyKeyStoreOneTouch() throws Exception {
		pool.resolve(arrival("Chen", "chen@example.com", null)); // known: the retries below wait on its lock
		Arrival keyed = new Arrival(Person.of("Chen", "chen@example.com", null), null,
				new TouchInput(TouchAction.WHITEPAPER_DOWNLOAD, "WHITEPAPER", 7L, Instant.now(), null, "wp-ai", null,
						"req-43"),
				"API");
		List<Resolution> resolutions = allAtOnce(java.util.Collections.nCopies(8, keyed));

		then(resolutions).extracting(Resolution::touchId).containsOnly(resolutions.get(0).touchId());
		then(resolutions).filteredOn(r -> r.outcome() != Resolution.Outcome.DUPLICATE_TOUCH).hasSize(1);
		then(count("select count(*) from touch where idempotency_key = 'req-43'")).isEqualTo(1);
	}

	@Test
	void invalidKeysAreRefusedNamingTheField() {
		InvalidArrivalException badEmail = catchThrowableOfType(InvalidArrivalException.class,
				() -> pool.resolve(arrival("X", "not-an-email", "12")));
		InvalidArrivalException none = catchThrowableOfType(InvalidArrivalException.class,
				() -> pool.resolve(arrival("Nobody", null, null)));

		then(badEmail.problems()).extracting(InvalidArrivalException.FieldProblem::field).containsExactly("email", "phone");
		then(none.problems()).extracting(InvalidArrivalException.FieldProblem::field).containsExactly("email");
		then(none.getBody().getDetail()).contains("at least one identity key");
		then(count("select count(*) from lead")).isZero();
	}

	@Test
	void anInvalidFieldIsDroppedWithAWarningWhileAnotherKeyRemainsUnlessTheArrivalIsStrict() {
		Resolution kept = pool.resolve(arrival("王芳", "wang.fang@", "138 0013 8000"));

		then(kept.outcome()).isEqualTo(Resolution.Outcome.CREATED);
		then(kept.warnings()).extracting(Resolution.Warning::field).containsExactly("email");
		then(kept.warnings().get(0).message()).contains("dropped", "wang.fang@");
		then(pool.find(kept.leadId()).orElseThrow().phones()).containsExactly("+8613800138000");

		Arrival strict = new Arrival(Person.of("李娜", "li.na@", "139 0000 1111"), null,
				TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM", true);
		InvalidArrivalException refused = catchThrowableOfType(InvalidArrivalException.class, () -> pool.resolve(strict));
		then(refused.problems()).extracting(InvalidArrivalException.FieldProblem::field).containsExactly("email");
		then(count("select count(*) from lead")).isEqualTo(1);
	}

	@Test
	void aMobileOfAnUnallocatedPrefixIsAChineseIdentityMarkedUnverifiedAndMatchesItsOtherSpellings() {
		Resolution first = pool.resolve(arrival("赵磊", null, "16455520849"));
		Resolution second = pool.resolve(arrival(null, "zhao.lei@example.cn", "+86 164 5552 0849"));
		Resolution third = pool.resolve(arrival(null, null, "１６４５５５２０８４９"));

		then(first.warnings()).extracting(Resolution.Warning::message).singleElement().asString().contains("unverified");
		then(List.of(second.leadId(), third.leadId())).containsOnly(first.leadId());
		then(pool.find(first.leadId()).orElseThrow().phones()).containsExactly("+8616455520849");
		then(count("select count(*) from lead_identity where kind = 'PHONE' and not verified")).isEqualTo(1);
	}

	@Test
	void keysOfTwoLeadsWithNamesOfTwoPeopleAreNotMergedButQueuedForReview() {
		// given a shared switchboard number stored with 张伟, and 李娜 known by her e-mail
		Resolution zhang = pool.resolve(arrival("张伟", null, "010-8888 6666"));
		Resolution li = pool.resolve(arrival("李娜", "li.na@example.cn", null));

		// when 李娜 arrives with the switchboard and her e-mail
		Resolution both = pool.resolve(arrival("李娜", "li.na@example.cn", "010 8888 6666"));

		// then nobody is merged: the touch goes to 李娜, the pair waits in the review queue
		then(both.leadId()).isEqualTo(li.leadId());
		then(both.mergedLeadIds()).isEmpty();
		then(both.warnings()).extracting(Resolution.Warning::field).contains("identity");
		then(pool.canonicalId(zhang.leadId())).isEqualTo(zhang.leadId());
		then(count("select count(*) from duplicate_candidate where status = 'OPEN' and lead_a = " + zhang.leadId()
				+ " and lead_b = " + li.leadId())).isEqualTo(1);
	}

	@Test
	void thePersonWhoArrivedOnceByPhoneAndOnceByEMailAtOneCompanyInTwoSpellingsIsOneLead() {
		Arrival byPhone = new Arrival(Person.of("王 芳", null, "13800138000"),
				new Arrival.CompanyInfo("北京凯德金融信息有限公司", null, null, null),
				TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM");
		Arrival byEmail = new Arrival(Person.of("王芳", "wang.fang@kaide.cn", null),
				new Arrival.CompanyInfo("凯德金融信息（北京）有限公司", null, null, null),
				TouchInput.of(TouchAction.WEBINAR_ATTEND, "WEBINAR", Instant.now()), "WEBINAR");
		// the same common name at another company, and a namesake at the same company with a phone of her own
		Arrival elsewhere = new Arrival(Person.of("王芳", "wangfang@other.cn", null),
				new Arrival.CompanyInfo("上海某某电气有限公司", null, null, null),
				TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM");

		Resolution first = pool.resolve(byPhone);
		Resolution other = pool.resolve(elsewhere);
		Resolution second = pool.resolve(byEmail);

		then(second.leadId()).isEqualTo(first.leadId());
		then(second.matchedKeys()).contains("NAME_AND_COMPANY");
		LeadSnapshot lead = pool.find(first.leadId()).orElseThrow();
		then(lead.emails()).containsExactly("wang.fang@kaide.cn");
		then(lead.phones()).containsExactly("+8613800138000");
		then(other.leadId()).isNotEqualTo(first.leadId());
		then(pool.canonicalId(other.leadId())).isEqualTo(other.leadId());
		then(count("select count(*) from company")).isEqualTo(2);

		Resolution namesake = pool.resolve(new Arrival(Person.of("王芳", null, "13900139000"),
				new Arrival.CompanyInfo("北京市凯德金融信息有限公司", null, null, null),
				TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM"));
		then(namesake.leadId()).as("two mobiles: two people until a person decides").isNotEqualTo(first.leadId());
		then(count("select count(*) from duplicate_candidate where status = 'OPEN' and lead_b = " + namesake.leadId()))
			.isEqualTo(1);
	}

	@Test
	void aLandlineDoesNotTellTwoPeopleApartButAMobileDoes() {
		Arrival byMobile = new Arrival(Person.of("李华", null, "150 9815 5621"),
				new Arrival.CompanyInfo("上海星河食品有限公司", null, null, null),
				TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM");
		Arrival byEmailAndDesk = new Arrival(new Person("李华", null, null, List.of("lihua@163.com"),
				List.of("021-5611 5148 转 549"), null, null, null, null, null, null, null, null, null, null, null),
				new Arrival.CompanyInfo("上海 星河食品 有限公司", null, null, null),
				TouchInput.of(TouchAction.WEBINAR_ATTEND, "WEBINAR", Instant.now()), "IMPORT");

		long first = pool.resolve(byMobile).leadId();
		Resolution second = pool.resolve(byEmailAndDesk);

		then(second.leadId()).as("a desk line next to a mobile: one person").isEqualTo(first);
		then(pool.find(first).orElseThrow().phones()).containsExactlyInAnyOrder("+8615098155621",
				"+862156115148;ext=549");
	}

	@Test
	void similarNamesAtOneCompanyAreCandidatesNumberedPlaceholdersAreNot() {
		Arrival.CompanyInfo company = new Arrival.CompanyInfo("杭州长风科技有限公司", null, null, null);
		long xiaofang = pool.resolve(new Arrival(Person.of("Zhang Xiaoming", "zxm@changfeng.cn", null), company,
				TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM")).leadId();
		long typo = pool.resolve(new Arrival(Person.of("Zhang Xiaomin", "zhangxm@qq.com", null), company,
				TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM")).leadId();
		long first = pool.resolve(new Arrival(Person.of("新客户 3051", "a3051@example.cn", null), company,
				TouchInput.of(TouchAction.IMPORT, "IMPORT", Instant.now()), "IMPORT")).leadId();
		long second = pool.resolve(new Arrival(Person.of("新客户 3052", "a3052@example.cn", null), company,
				TouchInput.of(TouchAction.IMPORT, "IMPORT", Instant.now()), "IMPORT")).leadId();

		then(count("select count(*) from duplicate_candidate where lead_a = " + xiaofang + " and lead_b = " + typo))
			.isEqualTo(1);
		then(count("select count(*) from duplicate_candidate where lead_b in (" + first + ", " + second + ")")).isZero();
	}

	@Test
	void aRareNameWithoutACompanyIsACandidateACommonOneIsNot() {
		long known = pool.resolve(new Arrival(Person.of("宋丽君", "song.lijun@dongfang.cn", null),
				new Arrival.CompanyInfo("厦门东方环保科技有限责任公司", null, null, null),
				TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM")).leadId();
		for (int i = 0; i < 4; i++) {
			pool.resolve(new Arrival(Person.of("王伟", "wangwei" + i + "@example.cn", null),
					new Arrival.CompanyInfo("公司" + i + "号科技有限公司", null, null, null),
					TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.now()), "WEB_FORM"));
		}

		long rare = pool.resolve(new Arrival(Person.of("宋 丽君", null, "13359959285"), null,
				TouchInput.of(TouchAction.CALL, "HOTLINE_400", Instant.now()), "HOTLINE_400")).leadId();
		long common = pool.resolve(new Arrival(Person.of("王伟", null, "13359959286"), null,
				TouchInput.of(TouchAction.CALL, "HOTLINE_400", Instant.now()), "HOTLINE_400")).leadId();

		then(rare).isNotEqualTo(known);
		then(count("select count(*) from duplicate_candidate where lead_a = " + known + " and lead_b = " + rare))
			.isEqualTo(1);
		then(count("select count(*) from duplicate_candidate where lead_b = " + common)).isZero();
	}

	@Test
	void chineseNamesAreSimilarOnTheServersRealLocale() {
		then(jdbc.sql("select similarity('王小芳', '王晓芳') > 0 and similarity('王芳', '王芳') = 1").query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void mostRecentNonEmptyValueWinsUnlessTheFieldFollowsSourcePriority() {
		Resolution lead = pool.resolve(new Arrival(Person.of("Old Name", "p@example.com", null), null,
				TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.parse("2026-01-01T00:00:00Z")), "WEB_FORM"));
		pool.resolve(new Arrival(Person.of("New Name", "p@example.com", null), null,
				TouchInput.of(TouchAction.FORM_SUBMIT, "WEB_FORM", Instant.parse("2026-02-01T00:00:00Z")), "WEB_FORM"));
		pool.resolve(new Arrival(Person.of(null, "p@example.com", null), null,
				TouchInput.of(TouchAction.PAGE_VIEW, "WEB", Instant.parse("2026-03-01T00:00:00Z")), "WEB_FORM"));

		then(pool.find(lead.leadId()).orElseThrow().name()).isEqualTo("New Name");
	}

	@Test
	void aLeadKnownToTheCrmIsAKnownCustomerAndItsOwnerHearsOfItsActivity() {
		Person crmContact = new Person("Gao Jie", null, null, List.of("gao.jie@example.com"), List.of(), null, null,
				"CRM-C-77", null, null, null, null, null, null, "sales.zhou", null);
		Resolution lead = pool.resolve(new Arrival(crmContact, null,
				TouchInput.of(TouchAction.WEBINAR_ATTEND, "WEBINAR", Instant.now()), "CRM"));

		then(pool.find(lead.leadId()).orElseThrow().existingCustomer()).isTrue();
		then(jdbc.sql("select owner || ': ' || message from customer_notification where lead_id = ?")
			.param(lead.leadId()).query(String.class).list())
			.containsExactly("sales.zhou: Your customer Gao Jie has new activity: WEBINAR_ATTEND");
	}

	@Test
	void aProfileReadHasAllOfTheSnapshotButTagsAttributesPhonesAndLastTouchAndEMailsAndCustomerStatusWhenAskedTo() {
		Person crmContact = new Person("Gao Jie", "IT Director", null, List.of("gao.jie@example.com"),
				List.of("+86 138 0013 8000"), null, null, "CRM-C-78", "华东", "上海", "上海", "50万", "clear", "3 months",
				"sales.zhou", java.util.Map.of("converted", true));
		long known = pool.resolve(new Arrival(crmContact, new Arrival.CompanyInfo("Acme", "Manufacturing", "100-499",
				"华东"), TouchInput.of(TouchAction.WEBINAR_ATTEND, "WEBINAR", Instant.now()), "CRM")).leadId();
		long plain = pool.resolve(arrival("Li Lei", "li.lei@example.com", "13900139000")).leadId();
		jdbc.sql("insert into lead_tag (lead_id, tag, origin) values (?, 'vip', 'MANUAL')").param(known).update();

		List<LeadSnapshot> full = pool.findAll(List.of(known, plain));
		List<LeadSnapshot> profiles = pool.findProfiles(List.of(plain, known), true, true);
		List<LeadSnapshot> withoutEmails = pool.findProfiles(List.of(plain, known), false, true);
		List<LeadSnapshot> withoutCustomerStatus = pool.findProfiles(List.of(plain, known), true, false);

		then(full.getFirst().tags()).containsExactly("vip");
		then(full.getFirst().attributes()).containsEntry("converted", true);
		then(full).allSatisfy(l -> then(l.phones()).hasSize(1));
		then(profiles).extracting(LeadSnapshot::existingCustomer).containsExactly(true, false);
		then(profiles).extracting(LeadSnapshot::emails)
			.containsExactly(List.of("gao.jie@example.com"), List.of("li.lei@example.com"));
		then(profiles).allSatisfy(l -> {
			then(l.tags()).isEmpty();
			then(l.attributes()).isEmpty();
			then(l.phones()).isEmpty();
		});
		then(full).allSatisfy(l -> then(l.lastTouchAt()).isNotNull());
		then(profiles).usingRecursiveFieldByFieldElementComparatorIgnoringFields("tags", "attributes", "phones",
				"lastTouchAt").isEqualTo(full);
		then(withoutEmails).allSatisfy(l -> then(l.emails()).isEmpty());
		then(withoutEmails).extracting(LeadSnapshot::existingCustomer).containsExactly(true, false);
		then(withoutEmails).usingRecursiveFieldByFieldElementComparatorIgnoringFields("tags", "attributes", "phones",
				"lastTouchAt", "emails").isEqualTo(full);
		then(withoutCustomerStatus).extracting(LeadSnapshot::existingCustomer).containsExactly(false, false);
		then(withoutCustomerStatus).usingRecursiveFieldByFieldElementComparatorIgnoringFields("tags", "attributes",
				"phones", "lastTouchAt", "existingCustomer").isEqualTo(full);
	}

	@Test
	void keepsTheStageAndOwnerThatOtherModulesDecide() {
		long id = pool.resolve(arrival("Stage Person", "stage@example.com", null)).leadId();

		pool.recordStage(id, "MQL");
		pool.assignOwner(id, "sdr.li", "ROUTING");

		then(pool.find(id).orElseThrow().lifecycleStage()).isEqualTo("MQL");
		then(pool.find(id).orElseThrow().owner()).isEqualTo("sdr.li");
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
