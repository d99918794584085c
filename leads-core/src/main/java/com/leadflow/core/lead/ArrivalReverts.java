package com.leadflow.core.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.leadflow.core.LeadProfileChanged;
import com.leadflow.core.LeadRemoved;
import com.leadflow.core.RevertedArrivals;
import com.leadflow.core.RevertedArrivals.Kept;
import com.leadflow.core.lead.ArrivalChanges.Before;
import com.leadflow.core.lead.ArrivalChanges.Change;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reverts arrivals (see {@link com.leadflow.core.LeadPool#revertArrivals}); runs inside the caller's transaction.
 * Newest first, so that several arrivals of one lead unwind in order and a lead's creating arrival comes last.
 */
@Component
class ArrivalReverts {

	/** A reverted arrival's touch: the lead it is on today and the lead it arrived on. */
	private record Arrived(long touchId, long leadId, long recordedLeadId, Instant recordedAt) {
	}

	private final JdbcClient jdbc;

	private final Leads leads;

	private final ArrivalChanges changes;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	ArrivalReverts(JdbcClient jdbc, Leads leads, ArrivalChanges changes, JsonMapper json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.leads = leads;
		this.changes = changes;
		this.json = json;
		this.events = events;
	}

	RevertedArrivals revert(Collection<Long> touchIds) {
		List<Arrived> arrivals = jdbc.sql("select id, lead_id, recorded_lead_id, recorded_at from touch where id = any(?)")
			.param(touchIds.stream().mapToLong(Long::longValue).toArray())
			.query((rs, i) -> new Arrived(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant()))
			.list()
			.stream()
			.sorted(Comparator.comparingLong(Arrived::touchId).reversed())
			.toList();
		Map<Long, Change> changed = changes.of(touchIds);
		List<Long> removed = new ArrayList<>();
		Set<Long> restored = new LinkedHashSet<>();
		List<Kept> kept = new ArrayList<>();
		int touchesRemoved = 0;
		for (Arrived arrival : arrivals) {
			if (createdItsLead(arrival)) {
				// arrivals and merges lock the leads they write touches for: none adds one while this decides
				leads.lock(List.of(arrival.recordedLeadId()));
				String busy = laterActivity(arrival);
				if (busy != null) {
					kept.add(new Kept(arrival.touchId(), arrival.recordedLeadId(), "lead", busy));
					continue;
				}
				removeLead(arrival.recordedLeadId());
				removed.add(arrival.recordedLeadId());
				events.publishEvent(new LeadRemoved(arrival.recordedLeadId()));
			}
			else {
				Change change = changed.get(arrival.touchId());
				if (change != null) {
					restore(change, kept);
					changes.delete(arrival.touchId());
				}
				long leadId = leads.canonicalId(arrival.leadId());
				removeTouch(arrival.touchId());
				restored.add(leadId);
			}
			touchesRemoved++;
		}
		restored.removeAll(removed);
		restored.forEach(id -> events.publishEvent(new LeadProfileChanged(id)));
		return new RevertedArrivals(touchesRemoved, removed, List.copyOf(restored), kept);
	}

	/** Whether the touch is the first one recorded on its lead, i.e. its arrival created the lead. */
	private boolean createdItsLead(Arrived arrival) {
		Long first = jdbc.sql("select min(id) from touch where lead_id = ? and recorded_lead_id = ?")
			.params(arrival.leadId(), arrival.recordedLeadId()).query(Long.class).single();
		return first != null && first == arrival.touchId();
	}

	/** Why a lead an arrival created must stay, or null when nothing but that arrival ever touched it. */
	private String laterActivity(Arrived arrival) {
		long leadId = arrival.recordedLeadId();
		if (arrival.leadId() != leadId) {
			return "merged into lead " + arrival.leadId() + " since; undo that merge first";
		}
		if (jdbc.sql("select count(*) from lead_merge where survivor_id = ? or absorbed_id = ?").params(leadId, leadId)
			.query(Long.class).single() > 0) {
			return "part of a merge since (see its merges)";
		}
		if (jdbc.sql("select count(*) from touch where lead_id = ? and id <> ?").params(leadId, arrival.touchId())
			.query(Long.class).single() > 0) {
			return "touched by other arrivals since";
		}
		if (jdbc.sql("select count(*) from lead_tag where lead_id = ? and origin = 'MANUAL'").param(leadId)
			.query(Long.class).single() > 0) {
			return "tagged by hand since";
		}
		LeadRow row = leads.find(leadId).orElseThrow();
		boolean editedLater = row.sources.values().stream()
			.anyMatch(p -> p.at() != null && p.at().isAfter(arrival.recordedAt()));
		return editedLater ? "its fields were changed since" : null;
	}

	private void removeLead(long leadId) {
		for (String table : List.of("lead_identity", "lead_tag", "lead_consent", "customer_notification", "touch")) {
			jdbc.sql("delete from " + table + " where lead_id = ?").param(leadId).update();
		}
		jdbc.sql("delete from duplicate_candidate where lead_a = ? or lead_b = ?").params(leadId, leadId).update();
		changes.deleteOfLead(leadId);
		jdbc.sql("delete from lead where id = ?").param(leadId).update();
	}

	private void removeTouch(long touchId) {
		jdbc.sql("delete from customer_notification where touch_id = ?").param(touchId).update();
		jdbc.sql("delete from touch where id = ?").param(touchId).update();
	}

	/** Puts back each field the arrival changed, where it still holds the arrival's value; lists the others. */
	private void restore(Change change, List<Kept> kept) {
		long leadId = leads.canonicalId(change.leadId());
		LeadRow row = leads.lock(List.of(leadId)).get(0);
		boolean any = false;
		for (Map.Entry<String, String> after : change.after().entrySet()) {
			String field = after.getKey();
			if (!Objects.equals(current(row, field), after.getValue())) {
				kept.add(new Kept(change.touchId(), leadId, field, "changed again since"));
				continue;
			}
			put(row, field, change.before().get(field));
			any = true;
		}
		if (any) {
			leads.update(row);
		}
		if (!change.addedIdentityIds().isEmpty()) {
			jdbc.sql("delete from lead_identity where id = any(?)")
				.param(change.addedIdentityIds().stream().mapToLong(Long::longValue).toArray()).update();
		}
		if (!change.mergedLeadIds().isEmpty()) {
			kept.add(new Kept(change.touchId(), leadId, "merge", "the arrival merged leads " + change.mergedLeadIds()
					+ " into this one; undo that merge on its own"));
		}
	}

	private String current(LeadRow row, String field) {
		return switch (field) {
			case "company_id" -> row.companyId == null ? null : row.companyId.toString();
			case "attributes" -> json.writeValueAsString(row.attributes);
			default -> row.fields.get(field);
		};
	}

	private void put(LeadRow row, String field, Before before) {
		switch (field) {
			case "company_id" -> {
				row.companyId = before.value() == null ? null : Long.valueOf(before.value());
				provenance(row, "company", before);
			}
			case "attributes" -> {
				row.attributes.clear();
				row.attributes.putAll(json.readValue(before.value(), new TypeReference<Map<String, Object>>() {
				}));
			}
			default -> {
				if (before.value() == null) {
					row.fields.remove(field);
				}
				else {
					row.fields.put(field, before.value());
				}
				provenance(row, field, before);
			}
		}
	}

	private static void provenance(LeadRow row, String field, Before before) {
		if (before.provenance() == null) {
			row.sources.remove(field);
		}
		else {
			row.sources.put(field, before.provenance());
		}
	}
}
