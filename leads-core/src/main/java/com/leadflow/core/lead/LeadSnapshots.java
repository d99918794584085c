package com.leadflow.core.lead;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.leadflow.core.DecisionRole;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.privacy.PersonalDataCipher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@link LeadSnapshot}s (lead + company + identities + tags) in one query for any number of leads: a lead's
 * identities come in one array, by lead id alone (one probe of {@code lead_identity (lead_id, kind, id)} per lead; a
 * filter on kinds let the planner of a fast-growing pool scan every key of those kinds instead, see V1_005).
 */
@Component
class LeadSnapshots {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final PersonalDataCipher cipher;

	LeadSnapshots(JdbcClient jdbc, JsonMapper json, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.json = json;
		this.cipher = cipher;
	}

	/**
	 * How much of a lead a snapshot holds: everything (its last touch read from its timeline), or its profile (no
	 * tags, attributes, phone numbers nor last touch: the server reads the e-mail keys instead of every key, and no
	 * phone is decrypted), with or without its e-mails and whether it is a known customer (else false: no probe for a
	 * CRM contact key).
	 */
	record Detail(boolean everything, boolean emails, boolean customerStatus) {

		static final Detail FULL = new Detail(true, true, true);

		static Detail profile(boolean emails, boolean customerStatus) {
			return new Detail(false, emails, customerStatus);
		}
	}

	List<LeadSnapshot> of(Collection<Long> ids) {
		return of(ids, Detail.FULL);
	}

	/** Snapshots of active leads by id, in id order, left empty where {@code detail} says. */
	List<LeadSnapshot> of(Collection<Long> ids, Detail detail) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String details = detail.everything() ? """
				       array(select i.kind || ' ' || i.value_enc from lead_identity i
				             where i.lead_id = l.id order by i.kind, i.id) identities,
				       array(select tag from lead_tag t where t.lead_id = l.id order by t.tag) tags,
				       l.attributes::text attributes, """ + LeadQueries.LAST_TOUCH + " last_touch_at,"
				: detail.emails() ? """
				       array(select 'EMAIL ' || i.value_enc from lead_identity i
				             where i.lead_id = l.id and i.kind = 'EMAIL' order by i.id) identities,
				       '{}'::text[] tags, null attributes, null last_touch_at,"""
				: "'{}'::text[] identities, '{}'::text[] tags, null attributes, null last_touch_at,";
		String customer = detail.customerStatus() ? """
				       coalesce(c.existing_customer, false) or exists(select 1 from lead_identity i
				           where i.lead_id = l.id and i.kind = 'CRM_CONTACT') existing_customer,"""
				: "false existing_customer,";
		return jdbc.sql("""
				select l.id, l.name, l.title, l.decision_role, l.region, l.province, l.city, l.owner, l.lifecycle_stage,
				       l.budget, l.need, l.timeframe, l.company_id, c.name company_name, c.industry, c.size_band,
				""" + customer + details + """
				       l.created_at
				from lead l left join company c on c.id = l.company_id
				where l.id = any(?) and l.merged_into is null order by l.id""")
			.param(ids.stream().mapToLong(Long::longValue).toArray())
			.query((rs, i) -> snapshot(rs))
			.list();
	}

	private LeadSnapshot snapshot(ResultSet rs) throws SQLException {
		String role = rs.getString("decision_role");
		Timestamp lastTouch = rs.getTimestamp("last_touch_at");
		Map<String, Object> attributes = JsonObjects.read(json, rs.getString("attributes"));
		Map<String, List<String>> identities = new HashMap<>(); // kind → encrypted values, oldest first
		for (String kindAndValue : strings(rs.getArray("identities"))) {
			int space = kindAndValue.indexOf(' ');
			identities.computeIfAbsent(kindAndValue.substring(0, space), k -> new ArrayList<>())
				.add(kindAndValue.substring(space + 1));
		}
		return new LeadSnapshot(rs.getLong("id"), rs.getString("name"), rs.getString("title"),
				role == null ? null : DecisionRole.valueOf(role), rs.getString("region"), rs.getString("province"),
				rs.getString("city"), rs.getString("owner"), rs.getString("lifecycle_stage"), rs.getString("budget"),
				rs.getString("need"), rs.getString("timeframe"), (Long) rs.getObject("company_id"),
				rs.getString("company_name"), rs.getString("industry"), rs.getString("size_band"),
				rs.getBoolean("existing_customer"),
				decrypted(identities.get("EMAIL")), decrypted(identities.get("PHONE")),
				strings(rs.getArray("tags")), attributes, rs.getTimestamp("created_at").toInstant(),
				lastTouch == null ? null : lastTouch.toInstant());
	}

	private List<String> decrypted(List<String> values) {
		return values == null ? List.of() : values.stream().map(cipher::decrypt).toList();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}
}
