package com.leadflow.core.company;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.Arrival.CompanyInfo;
import com.leadflow.core.LeadProfilesChanged;
import com.leadflow.core.identity.InvalidArrivalException;
import com.leadflow.core.identity.Normalizer;

/** Companies (accounts), one per normalised name; a lead's company is found or created by that name. */
@Repository
public class Companies {

	private static final int PROFILES_PER_EVENT = 1000;

	/** A stored company. */
	public record Company(long id, String name, String matchName, String industry, String sizeBand, String region,
			boolean existingCustomer, String crmAccountId, String owner) {

		int filledFields() {
			int n = 0;
			for (Object v : new Object[] { industry, sizeBand, region, crmAccountId, owner }) {
				n += v == null ? 0 : 1;
			}
			return n + (existingCustomer ? 1 : 0);
		}
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Companies(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * The company of that (normalised) name, created if new; its empty fields are filled from the arrival (a filled
	 * industry or size band is a profile change of the company's leads, see {@link #profilesChanged}).
	 */
	public Optional<Long> resolve(CompanyInfo info) {
		return Optional.ofNullable(resolveAll(Collections.singletonList(info))[0]);
	}

	/**
	 * {@link #resolve} for a batch: companies read in one query, new ones (and ones the batch adds fields to) upserted
	 * in one statement, in name order. Several arrivals of one company fill its fields in their order.
	 * @return the company id per arrival, in the same order (null where an arrival names none)
	 */
	public Long[] resolveAll(List<CompanyInfo> infos) {
		Long[] ids = new Long[infos.size()];
		String[] matchNames = new String[infos.size()];
		java.util.Map<String, String[]> wanted = new java.util.TreeMap<>(); // match name -> name, industry, size, region
		for (int i = 0; i < infos.size(); i++) {
			CompanyInfo info = infos.get(i);
			String name = info == null ? null : Normalizer.text(info.name());
			matchNames[i] = Normalizer.companyMatchName(name);
			if (matchNames[i] == null) {
				continue;
			}
			String[] given = { name, Normalizer.text(info.industry()), Normalizer.text(info.sizeBand()),
					Normalizer.text(info.region()) };
			wanted.merge(matchNames[i], given, (first, later) -> {
				for (int f = 1; f < first.length; f++) {
					first[f] = first[f] == null ? later[f] : first[f];
				}
				return first;
			});
		}
		if (wanted.isEmpty()) {
			return ids;
		}
		java.util.Map<String, Long> found = new java.util.HashMap<>();
		jdbc.sql("select match_name, id, industry is not null, size_band is not null, region is not null from company "
				+ "where match_name = any(?)")
			.param(wanted.keySet().toArray(String[]::new))
			.query((java.sql.ResultSet rs) -> {
				String[] given = wanted.get(rs.getString(1));
				if ((rs.getBoolean(3) || given[1] == null) && (rs.getBoolean(4) || given[2] == null)
						&& (rs.getBoolean(5) || given[3] == null)) {
					found.put(rs.getString(1), rs.getLong(2)); // nothing to add: read only, no row lock
				}
			});
		List<java.util.Map.Entry<String, String[]>> upsert = wanted.entrySet().stream()
			.filter(e -> !found.containsKey(e.getKey())).toList();
		if (!upsert.isEmpty()) {
			// existing companies whose empty industry or size band the upsert fills ('returning old.…'): the profiles
			// of their leads change (scoring criteria, market segments)
			List<Long> filled = new ArrayList<>();
			jdbc.sql("""
					insert into company (name, match_name, industry, size_band, region)
					select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
					on conflict (match_name) do update set industry = coalesce(company.industry, excluded.industry),
					    size_band = coalesce(company.size_band, excluded.size_band),
					    region = coalesce(company.region, excluded.region), updated_at = now()
					returning match_name, id, old.id is not null and (old.industry is null and new.industry is not null
					                                  or old.size_band is null and new.size_band is not null)""")
				.params(upsert.stream().map(e -> e.getValue()[0]).toArray(String[]::new),
						upsert.stream().map(java.util.Map.Entry::getKey).toArray(String[]::new),
						upsert.stream().map(e -> e.getValue()[1]).toArray(String[]::new),
						upsert.stream().map(e -> e.getValue()[2]).toArray(String[]::new),
						upsert.stream().map(e -> e.getValue()[3]).toArray(String[]::new))
				.query((java.sql.ResultSet rs) -> {
					found.put(rs.getString(1), rs.getLong(2));
					if (rs.getBoolean(3)) {
						filled.add(rs.getLong(2));
					}
				});
			profilesChanged(filled);
		}
		for (int i = 0; i < ids.length; i++) {
			ids[i] = matchNames[i] == null ? null : found.get(matchNames[i]);
		}
		return ids;
	}

	/**
	 * Creates or updates an account by name (the CRM or an admin says who the customers are and who owns them). A
	 * change to what describes its leads' profiles (industry, size band, known customer) is a profile change of each
	 * of its active leads: see {@link #profilesChanged}.
	 */
	@Transactional
	public Company save(String name, String industry, String sizeBand, String region, boolean existingCustomer,
			String crmAccountId, String owner) {
		String display = Normalizer.text(name);
		String matchName = Normalizer.companyMatchName(display);
		if (matchName == null) {
			throw new InvalidArrivalException("invalid-company", "A company needs a name besides its legal form.",
					List.of(new InvalidArrivalException.FieldProblem("name", "'" + name + "' has no name besides its legal form")));
		}
		Optional<Company> before = one("match_name = ? for update", matchName);
		long id = jdbc.sql("""
				insert into company (name, match_name, industry, size_band, region, existing_customer, crm_account_id, owner)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (match_name) do update set name = excluded.name,
				    industry = coalesce(excluded.industry, company.industry),
				    size_band = coalesce(excluded.size_band, company.size_band),
				    region = coalesce(excluded.region, company.region),
				    existing_customer = excluded.existing_customer,
				    crm_account_id = coalesce(excluded.crm_account_id, company.crm_account_id),
				    owner = coalesce(excluded.owner, company.owner), updated_at = now()
				returning id""")
			.params(display, matchName, Normalizer.text(industry), Normalizer.text(sizeBand), Normalizer.text(region),
					existingCustomer, Normalizer.text(crmAccountId), Normalizer.text(owner))
			.query(Long.class)
			.single();
		Company saved = find(id).orElseThrow();
		if (before.isPresent() && !(Objects.equals(before.get().industry(), saved.industry())
				&& Objects.equals(before.get().sizeBand(), saved.sizeBand())
				&& before.get().existingCustomer() == saved.existingCustomer())) {
			profilesChanged(List.of(id));
		}
		return saved;
	}

	/**
	 * Announces a profile change of every active lead of these companies, so that their scores and read-model facts
	 * follow: a {@link LeadProfilesChanged} per 1,000 leads.
	 */
	private void profilesChanged(Collection<Long> companyIds) {
		if (companyIds.isEmpty()) {
			return;
		}
		List<Long> leads = jdbc.sql("select id from lead where company_id = any(?) and merged_into is null order by id")
			.param(companyIds.stream().mapToLong(Long::longValue).toArray())
			.query(Long.class)
			.list();
		for (int from = 0; from < leads.size(); from += PROFILES_PER_EVENT) {
			events.publishEvent(new LeadProfilesChanged(
					leads.subList(from, Math.min(leads.size(), from + PROFILES_PER_EVENT))));
		}
	}

	public Optional<Company> find(long id) {
		return one("id = ?", id);
	}

	private Optional<Company> one(String condition, Object param) {
		return jdbc.sql("select id, name, match_name, industry, size_band, region, existing_customer, crm_account_id, "
				+ "owner from company where " + condition)
			.param(param)
			.query((rs, i) -> new Company(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9)))
			.optional();
	}

	/** The more complete of two companies (for merges); equal: the first. */
	public Long moreComplete(Long first, Long second) {
		if (first == null || second == null || first.equals(second)) {
			return first == null ? second : first;
		}
		int a = find(first).map(Company::filledFields).orElse(-1);
		int b = find(second).map(Company::filledFields).orElse(-1);
		return b > a ? second : first;
	}
}
