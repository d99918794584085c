package com.leadflow.crmsync.handoff;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.Touch;
import com.leadflow.crmsync.LeadLifecycle;
import com.leadflow.crmsync.LeadLifecycle.HistoryEntry;
import com.leadflow.crmsync.qualification.QualificationAnswers;

/** What peers get to know about a lead: its profile and timeline from the pool, its stage history and BANT answers. */
@Component
public class LeadDossier {

	/** The full picture of one lead, as sent to the CRM and the call center. */
	public record Dossier(long leadId, String externalId, LeadSnapshot profile, List<Touch> timeline,
			List<HistoryEntry> stageHistory, Map<String, String> qualification) {
	}

	private final LeadPool pool;

	private final LeadLifecycle lifecycle;

	private final QualificationAnswers answers;

	LeadDossier(LeadPool pool, LeadLifecycle lifecycle, QualificationAnswers answers) {
		this.pool = pool;
		this.lifecycle = lifecycle;
		this.answers = answers;
	}

	public Dossier of(long leadId) {
		LeadSnapshot profile = pool.find(leadId).orElseThrow();
		return new Dossier(profile.id(), externalId(profile.id()), profile, pool.touches(profile.id()),
				lifecycle.stageOf(profile.id()).history(), answers.of(profile.id()));
	}

	/** The id peers know a lead by. */
	public static String externalId(long leadId) {
		return "leadflow-" + leadId;
	}
}
