package com.leadflow.core.lead;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.identity.IdentityKind;

/**
 * What an arrival sets off inside the pool besides the touch: automatic tags, the "your customer has new activity"
 * notice for account owners, and fuzzy duplicate candidates for a new lead.
 */
@Component
class PoolSideEffects {

	private final JdbcClient jdbc;

	private final LeadPoolProperties properties;

	PoolSideEffects(JdbcClient jdbc, LeadPoolProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
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
	 * mobile prefix. Never merged automatically: they wait in the review queue.
	 */
	void findDuplicateCandidates(long leadId) {
		jdbc.sql("""
				with me as (
				    select l.id, l.name, l.company_id,
				           (select left(value, 9) from lead_identity where lead_id = l.id and kind = 'PHONE' limit 1) phone_prefix
				    from lead l where l.id = :id and l.name is not null
				), found as (
				    select least(me.id, o.id) a, greatest(me.id, o.id) b, similarity(o.name, me.name) sim,
				           'same company, similar name' reason
				    from me join lead o on o.company_id = me.company_id and o.id <> me.id and o.merged_into is null
				    where me.company_id is not null and similarity(o.name, me.name) >= :threshold
				    union all
				    select least(me.id, o.id), greatest(me.id, o.id), 1.0, 'same name, same mobile prefix'
				    from me join lead o on lower(o.name) = lower(me.name) and o.id <> me.id and o.merged_into is null
				    where me.phone_prefix is not null and exists (
				        select 1 from lead_identity i where i.lead_id = o.id and i.kind = 'PHONE' and left(i.value, 9) = me.phone_prefix)
				)
				insert into duplicate_candidate (lead_a, lead_b, similarity, reason)
				select distinct on (a, b) a, b, sim, reason from found order by a, b, sim desc
				on conflict (lead_a, lead_b) do nothing""")
			.param("id", leadId)
			.param("threshold", properties.duplicateSimilarity())
			.update();
	}
}
