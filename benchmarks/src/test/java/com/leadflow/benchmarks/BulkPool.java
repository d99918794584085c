package com.leadflow.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadflow.core.privacy.PersonalDataCipher;

/**
 * A pool of leads loaded in bulk (far faster than through the pool's API): leads and touches by SQL, identities
 * (blind index + ciphertext by the app's cipher) streamed in with COPY.
 */
final class BulkPool {

	private BulkPool() {
	}

	/**
	 * {@code size} leads with an e-mail, a phone, one of 20,000 companies and a touch each; the n-th lead (from 0) has
	 * the e-mail {@code emailOf.apply(n)} and the phone {@code phoneOf.apply(n)} (E.164).
	 */
	static void load(JdbcTemplate jdbc, DataSource dataSource, PersonalDataCipher cipher, int size,
			IntFunction<String> emailOf, IntFunction<String> phoneOf) throws Exception {
		jdbc.update("""
				insert into company (name, match_name, industry, size_band, region)
				select 'Bulk Company ' || g, 'bulkcompany' || g, 'Manufacturing', '100-499', '华东' from generate_series(1, 20000) g""");
		jdbc.update("""
				insert into lead (name, title, region, company_id, created_at)
				select 'Bulk Person ' || g, 'Engineer', '华东', (select min(id) from company) + g % 20000,
				       now() - interval '1 day'
				from generate_series(1, ?) g""", size);
		List<Long> ids = jdbc.queryForList("select id from lead order by id", Long.class);
		try (Connection c = dataSource.getConnection()) {
			CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy lead_identity (lead_id, kind, value_index, value_enc, prefix_index, source) from stdin");
			StringBuilder rows = new StringBuilder();
			for (int n = 0; n < ids.size(); n++) {
				long id = ids.get(n);
				String email = emailOf.apply(n);
				String phone = phoneOf.apply(n);
				rows.append(id).append("\tEMAIL\t").append(cipher.blindIndex("EMAIL", email)).append('\t')
					.append(cipher.encrypt(email)).append("\t\\N\tBENCH\n");
				rows.append(id).append("\tPHONE\t").append(cipher.blindIndex("PHONE", phone)).append('\t')
					.append(cipher.encrypt(phone)).append('\t').append(cipher.blindIndex("PHONE_PREFIX", phone.substring(0, 10)))
					.append("\tBENCH\n");
				if (rows.length() > 1 << 20) {
					byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
					in.writeToCopy(bytes, 0, bytes.length);
					rows.setLength(0);
				}
			}
			byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
			in.writeToCopy(bytes, 0, bytes.length);
			in.endCopy();
		}
		jdbc.update("""
				insert into touch (lead_id, recorded_lead_id, action, channel, occurred_at)
				select id, id, 'FORM_SUBMIT', 'WEB_FORM', now() - interval '1 day' from lead""");
		jdbc.execute("vacuum analyze");
	}
}
