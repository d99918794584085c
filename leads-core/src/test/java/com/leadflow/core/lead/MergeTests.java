package com.leadflow.core.lead;

import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import com.leadflow.core.DecisionRole;
import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.Resolution;
import com.leadflow.core.TouchAction;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

@SpringBootTest
class MergeTests {

	@Autowired
	LeadPool pool;

	@Autowired
	Merges merges;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyPool(@Autowired JdbcTemplate template) {
		CleanDatabaseTestExecutionListener.truncateAll(template);
	}

	/** Everything a lead holds, for "nothing lost" and "restored exactly" comparisons. */
	record Holdings(LeadSnapshot profile, List<Map<String, Object>> identities, List<Map<String, Object>> touches,
			List<Map<String, Object>> tags, String fieldSources) {
	}

	Holdings holdings(long leadId) {
		return new Holdings(pool.find(leadId).orElseThrow(),
				jdbc.sql("select id, kind, value_index from lead_identity where lead_id = ? order by id").param(leadId).query().listOfRows(),
				jdbc.sql("select id, action, occurred_at from touch where lead_id = ? order by id").param(leadId).query().listOfRows(),
				jdbc.sql("select tag, origin, created_at from lead_tag where lead_id = ? order by tag").param(leadId).query().listOfRows(),
				jdbc.sql("select field_sources::text from lead where id = ?").param(leadId).query(String.class).single());
	}

	Resolution arrive(String name, String title, String email, String phone, String company, TouchAction action,
			String content, String at, String source) {
		Person person = new Person(name, title, DecisionRole.INFLUENCER, email == null ? List.of() : List.of(email),
				phone == null ? List.of() : List.of(phone), null, null, null, "华东", "上海", "上海", null, null, null, null,
				Map.of("source_note", name == null ? "none" : name));
		return pool.resolve(new Arrival(person, company == null ? null : new CompanyInfo(company, "Manufacturing", "500-999", "华东"),
				new TouchInput(action, "WEB_FORM", null, Instant.parse(at), null, content, null, null), source));
	}

	@Test
	void leadsThatTurnOutToShareAPhoneAreMergedLosingNothingAndTheMergeCanBeUndoneExactly() {
		// given two leads of one person, each with its own keys, touches, tags and fields
		Resolution a = arrive("Liu Yang", "Engineer", "liu.yang@acme.cn", null, "ACME Co., Ltd.",
				TouchAction.WHITEPAPER_DOWNLOAD, "wp-iot", "2026-01-10T08:00:00Z", "WEB_FORM");
		Resolution b = arrive("刘洋", "IT Director", null, "139 1234 5678", "某某科技有限公司", TouchAction.WEBINAR_ATTEND,
				"web-42", "2026-02-10T08:00:00Z", "IMPORT");
		arrive(null, null, "liu.yang@acme.cn", null, null, TouchAction.PAGE_VIEW, null, "2026-01-11T08:00:00Z", "WEB_FORM");
		Holdings aBefore = holdings(a.leadId());
		Holdings bBefore = holdings(b.leadId());

		// when it turns out they share a phone: an arrival with A's e-mail and B's phone
		Resolution both = arrive(null, null, "liu.yang@acme.cn", "+86 139-1234-5678", null, TouchAction.CALL, null,
				"2026-03-01T08:00:00Z", "SDR");

		// then one lead holds everything of both, and B's id resolves to it
		long survivor = both.leadId();
		then(survivor).isEqualTo(a.leadId());
		then(pool.canonicalId(b.leadId())).isEqualTo(survivor);
		then(pool.find(b.leadId()).orElseThrow().id()).isEqualTo(survivor);
		LeadSnapshot merged = pool.find(survivor).orElseThrow();
		then(merged.emails()).containsExactly("liu.yang@acme.cn");
		then(merged.phones()).containsExactly("+8613912345678");
		then(merged.tags()).containsExactlyInAnyOrder("interest:wp-iot", "webinar:web-42");
		then(merged.title()).as("most recent non-empty wins").isEqualTo("IT Director");
		then(merged.lastTouchAt()).as("the newest touch of both").isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
		then(pool.touches(survivor)).hasSize(aBefore.touches().size() + bBefore.touches().size() + 1);
		Merges.MergeRecord record = merges.ofLead(survivor).get(0);
		then(record.absorbedId()).isEqualTo(b.leadId());
		then(record.actor()).isEqualTo("system:identity-resolution");
		then(record.decisions()).extracting(d -> d.get("field")).contains("name", "title", "company");

		// when the merge is undone, after one more touch arrived on the survivor
		Resolution later = arrive(null, null, "liu.yang@acme.cn", null, null, TouchAction.EMAIL_OPEN, null,
				"2026-03-05T08:00:00Z", "EDM");
		merges.undo(record.id(), "admin");

		// then both come back exactly as before; what came after the merge stays with the survivor
		then(pool.canonicalId(b.leadId())).isEqualTo(b.leadId());
		then(holdings(b.leadId())).isEqualTo(bBefore);
		Holdings aAfter = holdings(a.leadId());
		then(aAfter.identities()).hasSize(aBefore.identities().size());
		then(aAfter.tags()).isEqualTo(aBefore.tags());
		then(aAfter.fieldSources()).isEqualTo(aBefore.fieldSources());
		then(aAfter.profile()).usingRecursiveComparison().ignoringFields("lastTouchAt").isEqualTo(aBefore.profile());
		then(aBefore.profile().lastTouchAt()).isEqualTo(Instant.parse("2026-01-11T08:00:00Z"));
		then(aAfter.profile().lastTouchAt()).as("with the touches that stayed").isEqualTo(Instant.parse("2026-03-05T08:00:00Z"));
		then(bBefore.profile().lastTouchAt()).isEqualTo(Instant.parse("2026-02-10T08:00:00Z"));
		then(aAfter.touches()).extracting(t -> t.get("id"))
			.containsAll(aBefore.touches().stream().map(t -> t.get("id")).toList())
			.contains(later.touchId(), both.touchId())
			.hasSize(aBefore.touches().size() + 2);
		then(merges.find(record.id()).undoneBy()).isEqualTo("admin");
	}

	@Test
	void undoIsRefusedWhileALaterMergeAbsorbedTheSurvivor() {
		long a = arrive("A", null, "a@example.com", null, null, TouchAction.FORM_SUBMIT, null, "2026-01-01T00:00:00Z", "API").leadId();
		long b = arrive("B", null, "b@example.com", null, null, TouchAction.FORM_SUBMIT, null, "2026-01-02T00:00:00Z", "API").leadId();
		long c = arrive("C", null, "c@example.com", null, null, TouchAction.FORM_SUBMIT, null, "2026-01-03T00:00:00Z", "API").leadId();
		long first = merges.merge(b, a, "marketer", "same person");
		long second = merges.merge(c, b, "marketer", "same person");

		PoolConflictException refused = catchThrowableOfType(PoolConflictException.class, () -> merges.undo(first, "marketer"));

		then(refused.getMessage()).contains("undo that merge first");
		then(pool.canonicalId(a)).isEqualTo(c);
		merges.undo(second, "marketer");
		merges.undo(first, "marketer");
		then(List.of(pool.canonicalId(a), pool.canonicalId(b), pool.canonicalId(c))).containsExactly(a, b, c);
	}

	@Test
	void mostRecentNameAndMostCompleteCompanySurviveAMerge() {
		long crm = arrive("Sales-confirmed name", "CTO", "x@example.com", null, "Globex", TouchAction.CALL, null,
				"2026-01-01T00:00:00Z", "CRM").leadId();
		long web = arrive("web form name", null, "y@example.com", null, "Initech Inc.", TouchAction.FORM_SUBMIT, null,
				"2026-06-01T00:00:00Z", "WEB_FORM").leadId();
		jdbc.sql("update company set crm_account_id = 'ACC-1', owner = 'sales.li' where match_name = 'globex'").update();

		long mergeId = merges.merge(web, crm, "marketer", "same person");

		LeadSnapshot merged = pool.find(web).orElseThrow();
		then(merged.name()).as("most recent by default").isEqualTo("web form name");
		then(merged.companyName()).as("most complete company").isEqualTo("Globex");
		then(merges.find(mergeId).decisions()).anySatisfy(d -> {
			then(d.get("field")).isEqualTo("company");
			then(d.get("rule")).isEqualTo("MOST_COMPLETE");
		});
	}
}
