package com.leadflow.core.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.identity.IdentityKey;
import com.leadflow.core.identity.IdentityKind;
import com.leadflow.core.identity.Normalizer;

/** Read side of the pool: search with keyset paging, the review queue, notifications, profile completeness. */
@Component
public class LeadQueries {

	/** A lead's last touch: the newest of its timeline (the first entry of {@code touch_lead_timeline_idx}). */
	static final String LAST_TOUCH = "(select max(t.occurred_at) from touch t where t.lead_id = l.id)";

	/** Search filters; every one may be null. */
	public record Filter(String text, String tag, String stage, String owner, String industry, String region,
			Long seriesId, String channel, Instant createdFrom, Instant createdTo, Instant lastTouchFrom,
			Instant lastTouchTo) {
	}

	/** One page of search results, newest lead first; {@code nextAfter} continues after the last one. */
	public record Page(List<LeadSnapshot> items, Long nextAfter) {
	}

	/** A pair of leads that may be one person, waiting for a human decision. */
	public record Candidate(long id, long leadA, long leadB, double similarity, String reason, String status,
			Instant createdAt) {
	}

	/** An account owner's notice about a known customer's activity. */
	public record Notification(long id, String owner, long leadId, Long companyId, long touchId, String message,
			Instant createdAt) {
	}

	/** Which configured fields of a profile are filled. */
	public record Completeness(boolean complete, int percent, List<String> filled, List<String> missing) {
	}

	private final JdbcClient jdbc;

	private final LeadSnapshots snapshots;

	private final LeadPoolProperties properties;

	private final Leads leads;

	LeadQueries(JdbcClient jdbc, LeadSnapshots snapshots, LeadPoolProperties properties, Leads leads) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
		this.properties = properties;
		this.leads = leads;
	}

	public Page search(Filter f, Long after, int limit) {
		return search(f, after, limit, com.leadflow.core.LeadAccess.EVERYTHING);
	}

	/** Search within what the caller may see: outside {@code access}, a lead does not exist. */
	public Page search(Filter f, Long after, int limit, com.leadflow.core.LeadAccess access) {
		StringBuilder sql = new StringBuilder("select l.id from lead l where l.merged_into is null");
		List<Object> params = new ArrayList<>();
		if (!access.allLeads()) {
			sql.append(" and l.owner = any(?)");
			params.add(access.owners().toArray(String[]::new));
		}
		if (after != null) {
			sql.append(" and l.id < ?");
			params.add(after);
		}
		String text = Normalizer.text(f.text());
		if (text != null) {
			Optional<String> email = Normalizer.email(text);
			Optional<String> phone = text.matches("[+\\d\\s()./-]{5,}") ? Normalizer.phone(text) : Optional.empty();
			if (email.isPresent() || phone.isPresent()) {
				IdentityKey key = email.map(e -> new IdentityKey(IdentityKind.EMAIL, e))
					.orElseGet(() -> new IdentityKey(IdentityKind.PHONE, phone.get()));
				sql.append(" and exists (select 1 from lead_identity i where i.lead_id = l.id and i.kind = ? and i.value_index = ?)");
				params.add(key.kind().name());
				params.add(leads.index(key));
			}
			else {
				sql.append(" and (l.name ilike ? or l.company_id in (select id from company where name ilike ?))");
				String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
				params.add(like);
				params.add(like);
			}
		}
		condition(sql, params, "exists (select 1 from lead_tag t where t.lead_id = l.id and t.tag = ?)", f.tag());
		condition(sql, params, "l.lifecycle_stage = ?", f.stage());
		condition(sql, params, "l.owner = ?", f.owner());
		condition(sql, params, "l.company_id in (select id from company where industry = ?)", f.industry());
		condition(sql, params, "l.region = ?", f.region());
		if (f.seriesId() != null || f.channel() != null) {
			sql.append(" and exists (select 1 from touch t where t.lead_id = l.id");
			if (f.seriesId() != null) {
				sql.append(" and t.series_id = ?");
				params.add(f.seriesId());
			}
			if (f.channel() != null) {
				sql.append(" and t.channel = ?");
				params.add(f.channel());
			}
			sql.append(")");
		}
		condition(sql, params, "l.created_at >= ?", ts(f.createdFrom()));
		condition(sql, params, "l.created_at < ?", ts(f.createdTo()));
		condition(sql, params, LAST_TOUCH + " >= ?", ts(f.lastTouchFrom()));
		condition(sql, params, LAST_TOUCH + " < ?", ts(f.lastTouchTo()));
		sql.append(" order by l.id desc limit ?");
		params.add(limit + 1);
		List<Long> ids = jdbc.sql(sql.toString()).params(params).query(Long.class).list();
		boolean more = ids.size() > limit;
		List<Long> page = more ? ids.subList(0, limit) : ids;
		List<LeadSnapshot> items = new ArrayList<>(snapshots.of(page));
		items.sort((a, b) -> Long.compare(b.id(), a.id()));
		return new Page(items, more ? page.get(page.size() - 1) : null);
	}

	public List<Candidate> candidates(String status, int limit) {
		return jdbc.sql("""
				select id, lead_a, lead_b, similarity, reason, status, created_at from duplicate_candidate
				where status = ? order by similarity desc, id limit ?""")
			.params(status, limit)
			.query((rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	public Optional<Candidate> candidate(long id) {
		return jdbc.sql("select id, lead_a, lead_b, similarity, reason, status, created_at from duplicate_candidate where id = ?")
			.param(id)
			.query((rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.optional();
	}

	public List<Notification> notifications(String owner, int limit) {
		return jdbc.sql("""
				select id, owner, lead_id, company_id, touch_id, message, created_at from customer_notification
				where owner = ? order by created_at desc, id desc limit ?""")
			.params(owner, limit)
			.query((rs, i) -> new Notification(rs.getLong(1), rs.getString(2), rs.getLong(3),
					(Long) rs.getObject(4), rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/** An identity key of a lead, decrypted, with its source and time (for the 360° profile). */
	public record Identity(String kind, String value, String source, Instant createdAt) {
	}

	public List<Identity> identities(long leadId) {
		Map<Long, Instant> created = new java.util.HashMap<>();
		Map<Long, String> sources = new java.util.HashMap<>();
		jdbc.sql("select id, source, created_at from lead_identity where lead_id = ?").param(leadId).query(rs -> {
			created.put(rs.getLong(1), rs.getTimestamp(3).toInstant());
			sources.put(rs.getLong(1), rs.getString(2));
		});
		return leads.identitiesOf(leadId)
			.stream()
			.map(i -> new Identity(i.key().kind().name(), i.key().value(), sources.get(i.id()), created.get(i.id())))
			.toList();
	}

	public List<Map<String, Object>> tags(long leadId) {
		return jdbc.sql("select tag, origin, created_at from lead_tag where lead_id = ? order by tag")
			.param(leadId)
			.query()
			.listOfRows();
	}

	public Completeness completeness(LeadSnapshot lead) {
		List<String> filled = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (String field : properties.completeFields()) {
			(isFilled(lead, field) ? filled : missing).add(field);
		}
		int total = filled.size() + missing.size();
		return new Completeness(missing.isEmpty(), total == 0 ? 100 : filled.size() * 100 / total, filled, missing);
	}

	private static boolean isFilled(LeadSnapshot lead, String field) {
		Object value = switch (field) {
			case "name" -> lead.name();
			case "contact" -> lead.emails().isEmpty() && lead.phones().isEmpty() ? null : "yes";
			case "mobile" -> lead.phones().isEmpty() ? null : "yes";
			case "email" -> lead.emails().isEmpty() ? null : "yes";
			case "company" -> lead.companyName();
			case "title" -> lead.title();
			case "industry" -> lead.industry();
			case "region" -> lead.region() != null ? lead.region() : lead.province();
			case "decision_role", "decisionRole" -> lead.decisionRole();
			case "budget" -> lead.budget();
			case "need" -> lead.need();
			case "timeframe" -> lead.timeframe();
			case "owner" -> lead.owner();
			case "city" -> lead.city();
			default -> lead.attributes().get(field);
		};
		return value != null && !value.toString().isBlank();
	}

	private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
		if (value != null && !(value instanceof String s && s.isBlank())) {
			sql.append(" and ").append(clause);
			params.add(value);
		}
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
