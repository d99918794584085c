package com.leadflow.core.lead;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.TouchAction;
import com.leadflow.core.identity.IdentityKind;
import com.leadflow.core.privacy.Consents;

/**
 * What an arrival sets off inside the pool besides the touch: consent given or withdrawn with it, automatic tags, the
 * "your customer has new activity" notice for account owners, and fuzzy duplicate candidates for a new lead.
 */
@Component
class PoolSideEffects {

	private final JdbcClient jdbc;

	private final LeadPoolProperties properties;

	private final Leads leads;

	private final Consents consents;

	PoolSideEffects(JdbcClient jdbc, LeadPoolProperties properties, Leads leads, Consents consents) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.leads = leads;
		this.consents = consents;
	}

	/**
	 * Consent signals of a touch: purposes granted on the form that collected it, and an unsubscribe, which withdraws
	 * the purpose of its channel (e-mail, WeChat, calls) or, from an unknown channel, every contact purpose.
	 */
	void recordConsent(long leadId, TouchInput touch, ArrivalParser.ConsentGiven given) {
		String source = "touch:" + (touch.channel() == null ? "unknown" : touch.channel());
		if (given != null) {
			given.purposes().forEach(p -> consents.record(leadId, p, true, source, given.textVersion()));
		}
		if (touch.action() == TouchAction.UNSUBSCRIBE) {
			unsubscribed(touch.channel()).forEach(p -> consents.record(leadId, p, false, source, "unsubscribe"));
		}
	}

	private static List<ConsentPurpose> unsubscribed(String channel) {
		String c = channel == null ? "" : channel.toUpperCase(Locale.ROOT);
		if (c.contains("EDM") || c.contains("EMAIL") || c.contains("MAIL")) {
			return List.of(ConsentPurpose.MARKETING_EMAIL);
		}
		if (c.contains("WECHAT")) {
			return List.of(ConsentPurpose.WECHAT_MESSAGES);
		}
		if (c.contains("CALL") || c.contains("HOTLINE") || c.contains("400") || c.contains("PHONE")) {
			return List.of(ConsentPurpose.CALLS);
		}
		return List.of(ConsentPurpose.MARKETING_EMAIL, ConsentPurpose.CALLS, ConsentPurpose.WECHAT_MESSAGES);
	}

	void applyTagRules(long leadId, TouchInput touch) {
		for (LeadPoolProperties.TagRule rule : properties.tagRules()) {
			if (!rule.action().equals(touch.action().name())
					|| (rule.content() != null && !rule.content().equals(touch.contentId()))
					|| (rule.tag().contains("{content}") && touch.contentId() == null)) {
				continue;
			}
			String tag = rule.tag().replace("{content}", touch.contentId() == null ? "" : touch.contentId());
			jdbc.sql("insert into lead_tag (lead_id, tag, origin) values (?, ?, 'RULE') on conflict do nothing")
				.params(leadId, tag)
				.update();
		}
	}

	/**
	 * A lead of an existing customer's account (or one known to the CRM) that shows activity: its account owner (else
	 * the lead's owner) gets a notice with the touch. Returns whether the lead is a known customer.
	 */
	boolean noticeKnownCustomer(long leadId, long touchId, String action) {
		List<Map<String, Object>> rows = jdbc.sql("""
				select c.id company_id, c.name company, c.existing_customer, coalesce(c.owner, l.owner) owner, l.name,
				       exists(select 1 from lead_identity i where i.lead_id = l.id and i.kind = ?) crm_contact
				from lead l left join company c on c.id = l.company_id where l.id = ?""")
			.params(IdentityKind.CRM_CONTACT.name(), leadId)
			.query()
			.listOfRows();
		if (rows.isEmpty()) {
			return false;
		}
		Map<String, Object> row = rows.get(0);
		boolean known = Boolean.TRUE.equals(row.get("existing_customer")) || Boolean.TRUE.equals(row.get("crm_contact"));
		Object owner = row.get("owner");
		if (known && owner != null) {
			String who = row.get("name") == null ? "lead " + leadId : row.get("name").toString();
			String company = row.get("company") == null ? "" : " (" + row.get("company") + ")";
			jdbc.sql("""
					insert into customer_notification (owner, lead_id, company_id, touch_id, message)
					values (?, ?, ?, ?, ?)""")
				.params(owner, leadId, row.get("company_id"), touchId,
						"Your customer " + who + company + " has new activity: " + action)
				.update();
		}
		return known;
	}

	/**
	 * Fuzzy candidates for a new lead: same company and a similar name (pg_trgm), or the same name and the same
	 * mobile prefix. Never merged automatically: they wait in the review queue. Runs last in the arrival's
	 * transaction (it changes the transaction's plan cache mode).
	 */
	void findDuplicateCandidates(long leadId, String name, Long companyId, String phone) {
		if (name == null) {
			return;
		}
		String prefix = leads.phonePrefixIndex(phone);
		// This query has several usable indexes; a generic plan cached while the pool was small (statistics say
		// "empty" until autovacuum analyses) would keep scanning a whole index as the pool grows. Plan it each time.
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		jdbc.sql("""
				with same_name as materialized ( -- a name is selective, a mobile prefix is shared by thousands: name first
				    select o.id from lead o
				    where lower(o.name) = lower(:name) and o.merged_into is null and o.id <> :id and :prefix::text is not null
				)
				insert into duplicate_candidate (lead_a, lead_b, similarity, reason)
				select distinct on (a, b) a, b, sim, reason from (
				    select least(:id, o.id) a, greatest(:id, o.id) b, similarity(o.name, :name) sim,
				           'same company, similar name' reason
				    from lead o
				    where o.company_id = :company and o.merged_into is null and o.id <> :id
				      and similarity(o.name, :name) >= :threshold
				    union all
				    select least(:id, s.id), greatest(:id, s.id), 1.0, 'same name, same mobile prefix'
				    from same_name s
				    where exists (select 1 from lead_identity i
				                  where i.lead_id = s.id and i.kind = 'PHONE' and i.prefix_index = :prefix)
				) found
				order by a, b, sim desc
				on conflict (lead_a, lead_b) do nothing""")
			.param("id", leadId)
			.param("name", name)
			.param("company", companyId, java.sql.Types.BIGINT)
			.param("prefix", prefix, java.sql.Types.VARCHAR)
			.param("threshold", properties.duplicateSimilarity())
			.update();
	}
}
