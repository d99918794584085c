package com.leadflow.core.lead;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.TouchAction;
import com.leadflow.core.identity.IdentityKind;
import com.leadflow.core.privacy.Consents;

/**
 * What an arrival sets off inside the pool besides the touch: consent given or withdrawn with it, automatic tags, the
 * "your customer has new activity" notice for account owners (duplicates: {@link DuplicateSearch}).
 */
@Component
class PoolSideEffects {

	private final JdbcClient jdbc;

	private final LeadPoolProperties properties;

	private final Consents consents;

	PoolSideEffects(JdbcClient jdbc, LeadPoolProperties properties, Consents consents) {
		this.jdbc = jdbc;
		this.properties = properties;
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

	/** One arrival of a batch: the lead as stored by it, its touch id and touch. */
	record Arrived(LeadRow lead, long touchId, TouchInput touch) {

		long leadId() {
			return lead.id;
		}
	}

	/** The tag rules for a batch of arrivals, in one statement. */
	void applyTagRulesAll(List<Arrived> arrivals) {
		List<Long> leadIds = new java.util.ArrayList<>();
		List<String> tags = new java.util.ArrayList<>();
		for (Arrived a : arrivals) {
			TouchInput touch = a.touch();
			for (LeadPoolProperties.TagRule rule : properties.tagRules()) {
				if (!rule.action().equals(touch.action().name())
						|| (rule.content() != null && !rule.content().equals(touch.contentId()))
						|| (rule.tag().contains("{content}") && touch.contentId() == null)) {
					continue;
				}
				leadIds.add(a.leadId());
				tags.add(rule.tag().replace("{content}", touch.contentId() == null ? "" : touch.contentId()));
			}
		}
		if (!tags.isEmpty()) {
			jdbc.sql("""
					insert into lead_tag (lead_id, tag, origin) select distinct t.lead_id, t.tag, 'RULE'
					from unnest(?::bigint[], ?::text[]) t(lead_id, tag) on conflict do nothing""")
				.params(leadIds.stream().mapToLong(Long::longValue).toArray(), tags.toArray(String[]::new))
				.update();
		}
	}

	/**
	 * Leads of an existing customer's account (or known to the CRM) that show activity: their account owner (else
	 * the lead's owner) gets a notice with the touch. For a batch: which accounts of its owner-less leads have an
	 * owner, then one statement for the notices (none when nobody can be told).
	 */
	void noticeKnownCustomers(List<Arrived> arrivals) {
		Set<Long> ownedAccounts = ownedAccounts(arrivals.stream()
			.filter(a -> a.lead().field("owner") == null && a.lead().companyId != null)
			.map(a -> a.lead().companyId)
			.toList());
		List<Arrived> known = arrivals.stream() // with neither an owner nor an owned account, nobody can be told
			.filter(a -> a.lead().field("owner") != null || ownedAccounts.contains(a.lead().companyId))
			.toList();
		if (known.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into customer_notification (owner, lead_id, company_id, touch_id, message)
				select coalesce(c.owner, t.owner), t.lead_id, c.id, t.touch_id,
				       'Your customer ' || coalesce(t.name, 'lead ' || t.lead_id) || coalesce(' (' || c.name || ')', '')
				       || ' has new activity: ' || t.action
				from unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[])
				     with ordinality t(lead_id, touch_id, action, company_id, owner, name, n)
				left join company c on c.id = t.company_id
				where coalesce(c.owner, t.owner) is not null
				  and (coalesce(c.existing_customer, false)
				       or exists(select 1 from lead_identity i where i.lead_id = t.lead_id and i.kind = ?))
				order by t.n""")
			.params(known.stream().mapToLong(Arrived::leadId).toArray(),
					known.stream().mapToLong(Arrived::touchId).toArray(),
					known.stream().map(a -> a.touch().action().name()).toArray(String[]::new),
					known.stream().map(a -> a.lead().companyId).toArray(Long[]::new),
					known.stream().map(a -> a.lead().field("owner")).toArray(String[]::new),
					known.stream().map(a -> a.lead().field("name")).toArray(String[]::new),
					IdentityKind.CRM_CONTACT.name())
			.update();
	}

	/** The companies among these that have an account owner (from {@code company_owned_idx} alone, see V1_014). */
	private Set<Long> ownedAccounts(List<Long> companyIds) {
		if (companyIds.isEmpty()) {
			return new HashSet<>(); // takes contains(null), unlike Set.of()
		}
		return new HashSet<>(jdbc.sql("select id from company where id = any(?) and owner is not null")
			.param(companyIds.stream().mapToLong(Long::longValue).toArray())
			.query(Long.class)
			.list());
	}
}
