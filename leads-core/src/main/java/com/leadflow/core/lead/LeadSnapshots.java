package com.leadflow.core.lead;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.leadflow.core.DecisionRole;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.privacy.PersonalDataCipher;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@link LeadSnapshot}s (lead + company + identities + tags) in one query for any number of leads. */
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

	List<LeadSnapshot> of(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select l.id, l.name, l.title, l.decision_role, l.region, l.province, l.city, l.owner, l.lifecycle_stage,
				       l.budget, l.need, l.timeframe, l.company_id, c.name company_name, c.industry, c.size_band,
				       coalesce(c.existing_customer, false)
				         or exists(select 1 from lead_identity i where i.lead_id = l.id and i.kind = 'CRM_CONTACT') customer,
				       array(select value_enc from lead_identity i where i.lead_id = l.id and i.kind = 'EMAIL' order by i.id) emails,
				       array(select value_enc from lead_identity i where i.lead_id = l.id and i.kind = 'PHONE' order by i.id) phones,
				       array(select tag from lead_tag t where t.lead_id = l.id order by t.tag) tags,
				       l.attributes::text attributes, l.created_at, l.last_touch_at
				from lead l left join company c on c.id = l.company_id
				where l.id = any(?) and l.merged_into is null order by l.id""")
			.param(ids.stream().mapToLong(Long::longValue).toArray())
			.query((rs, i) -> snapshot(rs))
			.list();
	}

	private LeadSnapshot snapshot(ResultSet rs) throws SQLException {
		String role = rs.getString("decision_role");
		Timestamp lastTouch = rs.getTimestamp("last_touch_at");
		Map<String, Object> attributes = json.readValue(rs.getString("attributes"), new TypeReference<Map<String, Object>>() {
		});
		return new LeadSnapshot(rs.getLong("id"), rs.getString("name"), rs.getString("title"),
				role == null ? null : DecisionRole.valueOf(role), rs.getString("region"), rs.getString("province"),
				rs.getString("city"), rs.getString("owner"), rs.getString("lifecycle_stage"), rs.getString("budget"),
				rs.getString("need"), rs.getString("timeframe"), (Long) rs.getObject("company_id"),
				rs.getString("company_name"), rs.getString("industry"), rs.getString("size_band"),
				rs.getBoolean("customer"), decrypted(rs.getArray("emails")), decrypted(rs.getArray("phones")),
				strings(rs.getArray("tags")), attributes, rs.getTimestamp("created_at").toInstant(),
				lastTouch == null ? null : lastTouch.toInstant());
	}

	private List<String> decrypted(Array array) throws SQLException {
		return strings(array).stream().map(cipher::decrypt).toList();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}
}
