package com.leadflow.core.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.LeadErased;
import com.leadflow.core.LeadPool;
import com.leadflow.core.lead.LeadNotFoundException;
import com.leadflow.core.lead.LeadQueries;
import com.leadflow.core.lead.Merges;

/**
 * Data subject requests: export everything the pool holds about a person, or erase it. Erasure keeps the lead as
 * an anonymous shell with its touches (action, channel, series, time), so that reports still count them.
 */
@Service
public class DataSubjects {

	private final LeadPool pool;

	private final LeadQueries queries;

	private final Merges merges;

	private final Consents consents;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	DataSubjects(LeadPool pool, LeadQueries queries, Merges merges, Consents consents, JdbcClient jdbc,
			ApplicationEventPublisher events) {
		this.pool = pool;
		this.queries = queries;
		this.merges = merges;
		this.consents = consents;
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Everything held about the person behind a lead id, as one document. */
	public Map<String, Object> export(long leadId) {
		var lead = pool.find(leadId).orElseThrow(() -> new LeadNotFoundException("lead", leadId));
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("lead", lead);
		document.put("identities", queries.identities(lead.id()));
		document.put("tags", queries.tags(lead.id()));
		document.put("consents", consents.of(lead.id()));
		document.put("touches", pool.touches(lead.id()));
		document.put("merges", merges.ofLead(lead.id()));
		document.put("mergedLeadIds", absorbedInto(lead.id()));
		return document;
	}

	/** Erases the personal data of a lead and of every lead merged into it. */
	@Transactional
	public long erase(long leadId) {
		long id = pool.canonicalId(leadId);
		if (id == 0) {
			throw new LeadNotFoundException("lead", leadId);
		}
		List<Long> ids = new java.util.ArrayList<>(absorbedInto(id));
		ids.add(id);
		long[] all = ids.stream().mapToLong(Long::longValue).toArray();
		jdbc.sql("delete from lead_identity where lead_id = any(?)").param(all).update();
		jdbc.sql("delete from lead_tag where lead_id = any(?)").param(all).update();
		jdbc.sql("delete from customer_notification where lead_id = any(?)").param(all).update();
		jdbc.sql("delete from duplicate_candidate where lead_a = any(?) or lead_b = any(?)").params(all, all).update();
		jdbc.sql("""
				update lead set name = null, name_key = null, title = null, decision_role = null, province = null, city = null,
				       budget = null, need = null, timeframe = null, attributes = '{}', field_sources = '{}',
				       erased_at = now(), updated_at = now()
				where id = any(?)""").param(all).update();
		jdbc.sql("update touch set payload = '{}' where lead_id = any(?) or recorded_lead_id = any(?)").params(all, all).update();
		jdbc.sql("""
				update lead_merge set survivor_before = '{}', survivor_after = null, decisions = '[]', absorbed_tags = '[]'
				where survivor_id = any(?) or absorbed_id = any(?)""").params(all, all).update();
		events.publishEvent(new LeadErased(id));
		return id;
	}

	/** Leads merged (directly or through a chain of merges) into this one. */
	private List<Long> absorbedInto(long leadId) {
		return jdbc.sql("""
				with recursive absorbed(id) as (
				    select id from lead where merged_into = ?
				    union
				    select l.id from lead l join absorbed a on l.merged_into = a.id
				)
				select id from absorbed order by id""").param(leadId).query(Long.class).list();
	}
}
