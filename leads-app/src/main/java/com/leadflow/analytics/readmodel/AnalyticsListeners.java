package com.leadflow.analytics.readmodel;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.leadflow.core.LeadErased;
import com.leadflow.core.LeadMergeUndone;
import com.leadflow.core.LeadMerged;
import com.leadflow.core.LeadProfileChanged;
import com.leadflow.core.LeadTouched;
import com.leadflow.crmsync.LeadStageChanged;
import com.leadflow.scoring.LeadBandChanged;

/**
 * Reacts to the other modules' events by marking the leads concerned for recomputation (cheap, so listeners never
 * hold up the publishers' registry); bands are kept as they come, as no API lists them without side effects.
 */
@Component
class AnalyticsListeners {

	private final DirtyLeads dirty;

	private final JdbcTemplate jdbc;

	AnalyticsListeners(DirtyLeads dirty, JdbcTemplate jdbc) {
		this.dirty = dirty;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(LeadTouched event) {
		dirty.mark(List.of(event.leadId()));
	}

	@ApplicationModuleListener
	void on(LeadProfileChanged event) {
		dirty.mark(List.of(event.leadId()));
	}

	@ApplicationModuleListener
	void on(LeadMerged event) {
		dirty.mark(List.of(event.survivorId(), event.absorbedId()));
	}

	@ApplicationModuleListener
	void on(LeadMergeUndone event) {
		dirty.mark(List.of(event.survivorId(), event.restoredId()));
	}

	@ApplicationModuleListener
	void on(LeadErased event) {
		dirty.mark(List.of(event.leadId()));
	}

	@ApplicationModuleListener
	void on(LeadStageChanged event) {
		dirty.mark(List.of(event.leadId()));
	}

	@ApplicationModuleListener
	void on(LeadBandChanged event) {
		jdbc.update("""
				insert into analytics_lead_band (lead_id, score_group, band) values (?, ?, ?)
				on conflict (lead_id, score_group) do update set band = excluded.band""",
				event.leadId(), event.group(), event.newBand().name());
		dirty.mark(List.of(event.leadId()));
	}
}
