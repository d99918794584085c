package com.leadflow.core.lead;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.LeadProfileChanged;
import com.leadflow.core.identity.InvalidArrivalException;
import com.leadflow.core.identity.InvalidArrivalException.FieldProblem;
import com.leadflow.core.identity.Normalizer;

/** Manual tags on a lead (automatic ones come from the tag rules on arrival). */
@Service
public class Tags {

	private final JdbcClient jdbc;

	private final Leads leads;

	private final ApplicationEventPublisher events;

	Tags(JdbcClient jdbc, Leads leads, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.leads = leads;
		this.events = events;
	}

	@Transactional
	public long add(long leadId, String rawTag) {
		String tag = Normalizer.text(rawTag);
		if (tag == null || tag.length() > 100) {
			throw new InvalidArrivalException("invalid-tag", "A tag is 1 to 100 characters.",
					java.util.List.of(new FieldProblem("tag", "must be 1 to 100 characters")));
		}
		long id = activeLead(leadId);
		if (jdbc.sql("insert into lead_tag (lead_id, tag, origin) values (?, ?, 'MANUAL') on conflict do nothing")
			.params(id, tag)
			.update() > 0) {
			events.publishEvent(new LeadProfileChanged(id));
		}
		return id;
	}

	@Transactional
	public long remove(long leadId, String tag) {
		long id = activeLead(leadId);
		if (jdbc.sql("delete from lead_tag where lead_id = ? and tag = ?").params(id, tag).update() > 0) {
			events.publishEvent(new LeadProfileChanged(id));
		}
		return id;
	}

	private long activeLead(long leadId) {
		long id = leads.canonicalId(leadId);
		if (id == 0) {
			throw new LeadNotFoundException("lead", leadId);
		}
		return id;
	}
}
