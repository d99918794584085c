package com.leadflow.core.lead;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.Reader;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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
import com.leadflow.core.Resolution;
import com.leadflow.core.TouchAction;
import com.leadflow.core.privacy.CryptoProperties;
import com.leadflow.core.privacy.PersonalDataCipher;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;
import com.leadflow.testsupport.TestDatabase;

import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class PersonalDataAtRestTests {

	@Autowired
	LeadPool pool;

	@Autowired
	LeadQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate template;

	@BeforeEach
	void emptyPool(@Autowired JdbcTemplate template) {
		CleanDatabaseTestExecutionListener.truncateAll(template);
	}

	Resolution arrive(String email, String phone, String unionId) {
		Person person = new Person("Sun Li", null, null, List.of(email), List.of(phone), unionId, null, null, null, null,
				null, null, null, null, null, null);
		return pool.resolve(new Arrival(person, null, TouchInput.of(TouchAction.WECHAT_FOLLOW, "WECHAT", Instant.now()), "API"));
	}

	@Test
	void noTableHoldsPlaintextPhoneEmailOrWechatIdYetExactMatchingAndSearchStillWork() {
		Resolution created = arrive("Sun.Li@Example.com", "138 0099 1122", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M");

		String everything = dumpAllTables();

		then(everything).contains("Sun Li"); // the dump really covers the lead's rows
		then(everything.toLowerCase()).doesNotContain("sun.li@example.com");
		then(everything).doesNotContain("13800991122").doesNotContain("138 0099 1122")
			.doesNotContain("o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
		Resolution again = arrive("SUN.LI@example.com", "+86 13800991122", null);
		then(again.outcome()).isEqualTo(Resolution.Outcome.MATCHED);
		then(again.leadId()).isEqualTo(created.leadId());
		then(pool.find(created.leadId()).orElseThrow().emails()).containsExactly("sun.li@example.com");
		then(queries.search(new LeadQueries.Filter("sun.li@example.com", null, null, null, null, null, null, null, null,
				null, null, null), null, 10).items()).extracting(l -> l.id()).containsExactly(created.leadId());
	}

	@Test
	void rotatingTheDataKeyReencryptsEveryValueAndKeepsLookupsWorking() throws Exception {
		long id = arrive("rotate.me@example.com", "13911110000", null).leadId();
		Properties current = new Properties();
		try (Reader in = Files.newBufferedReader(TestDatabase.keyFile())) {
			current.load(in);
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		PersonalDataCipher rotated = new PersonalDataCipher(new CryptoProperties(
				Map.of("k1", current.getProperty("key.k1"), "k2", Base64.getEncoder().encodeToString(fresh)), "k2",
				current.getProperty("index-key"), null, true));

		Leads withNewKey = new Leads(jdbc, template, json, rotated);
		int total = 0;
		for (int n; (n = withNewKey.reencryptIdentities(1)) > 0;) {
			total += n;
		}

		then(total).isEqualTo(2);
		then(jdbc.sql("select value_enc from lead_identity").query(String.class).list()).allMatch(v -> v.startsWith("k2:"));
		then(withNewKey.identitiesOf(id)).extracting(i -> i.key().toString())
			.containsExactly("EMAIL:rotate.me@example.com", "PHONE:+8613911110000");
		then(withNewKey.identities(List.of(new com.leadflow.core.identity.IdentityKey(
				com.leadflow.core.identity.IdentityKind.EMAIL, "rotate.me@example.com")))).hasSize(1);
	}

	/** Every row of every table of the schema as text: what a database dump would show. */
	private String dumpAllTables() {
		StringBuilder all = new StringBuilder();
		for (String table : jdbc.sql("""
				select quote_ident(tablename) from pg_tables where schemaname = current_schema()""").query(String.class).list()) {
			jdbc.sql("select t::text from " + table + " t").query(String.class).list().forEach(row -> all.append(row).append('\n'));
		}
		return all.toString();
	}
}
