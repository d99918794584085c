package db.migration.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.leadflow.core.identity.Normalizer;

/**
 * Gives existing companies the matching key of issue 22 ({@code 北京凯德…有限公司} and {@code 凯德…（北京）有限公司} are one
 * company now) and existing leads the matching key of their name. Companies whose new keys agree become one: the oldest
 * keeps its id, takes the fields it lacks from the others, and their leads move to it; companies known to the CRM
 * under different account ids stay apart (the later one's key gets its id appended). In Java because the keys are the pool's
 * own code (Traditional characters, regions), which SQL cannot repeat. Leads whose company changed are re-scored and
 * re-read by the other modules at their next touch or nightly refresh.
 */
public class V1_016__Rekey_companies_and_lead_names extends BaseJavaMigration {

	private record Company(long id, String crmAccountId) {
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		rekeyCompanies(c);
		fillNameKeys(c);
	}

	private static void rekeyCompanies(Connection c) throws Exception {
		Map<String, List<Company>> byKey = new LinkedHashMap<>();
		try (Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select id, name, match_name, crm_account_id from company order by id")) {
			while (rs.next()) {
				String key = Objects.requireNonNullElse(Normalizer.companyMatchName(rs.getString(2)), rs.getString(3));
				byKey.computeIfAbsent(key, k -> new ArrayList<>())
					.add(new Company(rs.getLong(1), rs.getString(4)));
			}
		}
		try (Statement st = c.createStatement()) {
			st.execute("update company set match_name = '#' || id"); // out of the way of the unique index
		}
		try (PreparedStatement key = c.prepareStatement("update company set match_name = ? where id = ?");
				PreparedStatement fill = c.prepareStatement("""
						update company s set industry = coalesce(s.industry, o.industry),
						    size_band = coalesce(s.size_band, o.size_band), region = coalesce(s.region, o.region),
						    existing_customer = s.existing_customer or o.existing_customer,
						    crm_account_id = coalesce(s.crm_account_id, o.crm_account_id),
						    owner = coalesce(s.owner, o.owner), updated_at = now()
						from company o where s.id = ? and o.id = ?""");
				PreparedStatement move = c.prepareStatement("update lead set company_id = ? where company_id = ?");
				PreparedStatement notices = c
					.prepareStatement("update customer_notification set company_id = ? where company_id = ?");
				PreparedStatement delete = c.prepareStatement("delete from company where id = ?")) {
			for (Map.Entry<String, List<Company>> group : byKey.entrySet()) {
				Company survivor = group.getValue().get(0);
				String crmId = survivor.crmAccountId();
				for (Company other : group.getValue().subList(1, group.getValue().size())) {
					if (crmId != null && other.crmAccountId() != null && !crmId.equals(other.crmAccountId())) {
						key.setString(1, group.getKey() + "#" + other.id()); // another CRM account: its own company
						key.setLong(2, other.id());
						key.executeUpdate();
						continue;
					}
					crmId = crmId == null ? other.crmAccountId() : crmId;
					fill.setLong(1, survivor.id());
					fill.setLong(2, other.id());
					fill.executeUpdate();
					for (PreparedStatement ps : List.of(move, notices)) {
						ps.setLong(1, survivor.id());
						ps.setLong(2, other.id());
						ps.executeUpdate();
					}
					delete.setLong(1, other.id());
					delete.executeUpdate();
				}
				key.setString(1, group.getKey());
				key.setLong(2, survivor.id());
				key.executeUpdate();
			}
		}
	}

	private static void fillNameKeys(Connection c) throws Exception {
		long after = 0;
		try (PreparedStatement read = c.prepareStatement(
				"select id, name from lead where id > ? and name is not null order by id limit 10000");
				PreparedStatement write = c.prepareStatement("update lead set name_key = ? where id = ?")) {
			while (true) {
				read.setLong(1, after);
				int n = 0;
				try (ResultSet rs = read.executeQuery()) {
					while (rs.next()) {
						after = rs.getLong(1);
						write.setString(1, Normalizer.personMatchName(rs.getString(2)));
						write.setLong(2, after);
						write.addBatch();
						n++;
					}
				}
				if (n == 0) {
					return;
				}
				write.executeBatch();
			}
		}
	}
}
