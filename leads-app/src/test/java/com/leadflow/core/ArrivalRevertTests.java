package com.leadflow.core;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadflow.core.Arrival.CompanyInfo;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.RevertedArrivals.Kept;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

/** Reverting arrivals (an import's rows): created leads go, updated leads get their previous values back. */
@SpringBootTest
class ArrivalRevertTests {

	@Autowired
	LeadPool pool;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void clean() {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
	}

	static Arrival arrival(String name, String title, String city, String email, String phone, String company,
			String source, String key) {
		Person person = new Person(name, title, null, email == null ? List.of() : List.of(email),
				phone == null ? List.of() : List.of(phone), null, null, null, null, null, city, null, null, null, null,
				Map.of());
		return new Arrival(person, company == null ? null : new CompanyInfo(company, "Software", null, null),
				new TouchInput(TouchAction.FORM_SUBMIT, source, null, Instant.now(), null, null, null, key), source);
	}

	long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	@Test
	void revertingArrivalsThatUpdated100LeadsRestoresExactlyTheirPreviousValues() {
		List<Long> leadIds = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			leadIds.add(pool.resolve(arrival("Person " + i, i % 2 == 0 ? "Engineer" : null, "杭州", "p" + i + "@example.cn",
					null, "Old Co " + i, "WEB_FORM", null)).leadId());
		}
		List<LeadSnapshot> before = pool.findAll(leadIds);
		List<Long> importTouches = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			Resolution r = pool.resolve(arrival("Person " + i + " (imported)", "CTO", "上海", "p" + i + "@example.cn",
					String.format("1390000%04d", i), "New Co " + i, "IMPORT", "import:1:" + i));
			then(r.outcome()).isEqualTo(Resolution.Outcome.MATCHED);
			importTouches.add(r.touchId());
		}
		then(pool.findAll(leadIds)).extracting(LeadSnapshot::title).containsOnly("CTO");
		then(pool.findAll(leadIds).get(7).phones()).hasSize(1);

		RevertedArrivals reverted = pool.revertArrivals(importTouches);

		then(reverted.touchesRemoved()).isEqualTo(100);
		then(reverted.removedLeadIds()).isEmpty();
		then(reverted.restoredLeadIds()).containsExactlyInAnyOrderElementsOf(leadIds);
		then(reverted.kept()).isEmpty();
		then(pool.findAll(leadIds)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("lifecycleStage")
			.containsExactlyElementsOf(before);
		then(count("select count(*) from touch")).isEqualTo(100);
		then(count("select count(*) from lead_identity where kind = 'PHONE'")).isZero();
		then(count("select count(*) from arrival_change")).isZero();
		// the phone numbers the import added are no longer identities of the leads
		then(pool.identify(arrival(null, null, null, null, "13900000007", null, "IMPORT", null)).leadIds()).isEmpty();
	}

	@Test
	void aLeadAnArrivalCreatedIsRemovedUnlessSomethingElseTouchedItSince() {
		Resolution alone = pool.resolve(arrival("Only Imported", "CTO", "上海", "alone@example.cn", "13800000001",
				"Imported Co", "IMPORT", "import:2:1"));
		Resolution busy = pool.resolve(arrival("Imported Then Active", null, null, "busy@example.cn", null, null, "IMPORT",
				"import:2:2"));
		pool.resolve(arrival(null, null, null, "busy@example.cn", null, null, "WEBINAR", "webinar-9"));

		RevertedArrivals reverted = pool.revertArrivals(List.of(alone.touchId(), busy.touchId()));

		then(reverted.removedLeadIds()).containsExactly(alone.leadId());
		then(reverted.kept()).containsExactly(new Kept(busy.touchId(), busy.leadId(), "lead", "touched by other arrivals since"));
		then(pool.find(alone.leadId())).isEmpty();
		then(count("select count(*) from lead_identity where lead_id = ?", alone.leadId())).isZero();
		then(count("select count(*) from touch where lead_id = ?", alone.leadId())).isZero();
		then(pool.find(busy.leadId())).isPresent();
		then(pool.touches(busy.leadId())).hasSize(2);
		then(pool.identify(arrival(null, null, null, "alone@example.cn", null, null, "API", null)).leadIds()).isEmpty();
		// reverting again changes nothing
		then(pool.revertArrivals(List.of(alone.touchId())).touchesRemoved()).isZero();
	}

	@Test
	void aFieldChangedAgainAfterTheArrivalIsKeptAndListed() {
		long id = pool.resolve(arrival("Wang Fang", "Engineer", "杭州", "wang@example.cn", null, null, "WEB_FORM", null)).leadId();
		Resolution imported = pool.resolve(arrival(null, "Manager", "上海", "wang@example.cn", null, null, "IMPORT", "import:3:1"));
		pool.resolve(arrival(null, "Director", null, "wang@example.cn", null, null, "WEB_FORM", null));

		RevertedArrivals reverted = pool.revertArrivals(List.of(imported.touchId()));

		// the decision role read from the title follows it
		then(reverted.kept()).containsExactlyInAnyOrder(new Kept(imported.touchId(), id, "title", "changed again since"),
				new Kept(imported.touchId(), id, "decision_role", "changed again since"));
		LeadSnapshot lead = pool.find(id).orElseThrow();
		then(lead.title()).isEqualTo("Director");
		then(lead.city()).isEqualTo("杭州");
		then(pool.touches(id)).hasSize(2);
	}

	@Test
	void identifyingAnArrivalStoresNothing() {
		long id = pool.resolve(arrival("Li Lei", null, null, "li@example.cn", null, null, "WEB_FORM", "form-1")).leadId();
		long leads = count("select count(*) from lead");
		long touches = count("select count(*) from touch");

		Identification known = pool.identify(arrival(null, null, null, "LI@example.cn", "137 1234 5678", null, "IMPORT", null));
		Identification retry = pool.identify(arrival(null, null, null, "li@example.cn", null, null, "WEB_FORM", "form-1"));
		Identification unknown = pool.identify(arrival(null, null, null, "new@example.cn", null, null, "IMPORT", null));

		then(known.leadIds()).containsExactly(id);
		then(known.retry()).isFalse();
		then(known.keys()).containsExactlyInAnyOrder("EMAIL:li@example.cn", "PHONE:+8613712345678");
		then(retry.retry()).isTrue();
		then(unknown.leadIds()).isEmpty();
		then(count("select count(*) from lead")).isEqualTo(leads);
		then(count("select count(*) from touch")).isEqualTo(touches);
		then(count("select count(*) from lead_identity where kind = 'PHONE'")).isZero();
	}
}
