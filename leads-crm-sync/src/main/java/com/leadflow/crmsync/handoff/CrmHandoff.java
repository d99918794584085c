package com.leadflow.crmsync.handoff;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.leadflow.crmsync.LeadStageChanged;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.crmsync.outbox.Outbox;
import com.leadflow.crmsync.outbox.Peer;

/**
 * Hands a new SQL to the CRM: an upsert of the contact (full profile + timeline + stage history + BANT answers) and
 * of its opportunity, written to the outbox in the transaction of the move (synchronous listener), so the push
 * happens exactly when the move committed. Per-lead order in the outbox sends the contact before the opportunity.
 */
@Component
class CrmHandoff {

	static final String CONTACT = "crm-contact-upsert";

	static final String OPPORTUNITY = "crm-opportunity-upsert";

	private final Outbox outbox;

	private final LeadDossier dossiers;

	private final CrmSyncProperties.Peer crm;

	CrmHandoff(Outbox outbox, LeadDossier dossiers, CrmSyncProperties properties) {
		this.outbox = outbox;
		this.dossiers = dossiers;
		this.crm = properties.crm();
	}

	/** The opportunity the CRM should open for an SQL. */
	record Opportunity(String externalId, String contactExternalId, long leadId, String name, String owner,
			String stage, java.util.Map<String, String> qualification) {
	}

	@EventListener
	@Order(20)
	void on(LeadStageChanged event) {
		if (event.to() != LifecycleStage.SQL) {
			return;
		}
		LeadDossier.Dossier dossier = dossiers.of(event.leadId());
		String id = dossier.externalId();
		outbox.enqueue(event.leadId(), Peer.CRM, CONTACT, "PUT",
				crm.path(CONTACT, "/contacts/{leadId}").replace("{leadId}", id), dossier);
		String company = dossier.profile().companyName();
		String name = (company == null ? dossier.profile().name() : company) + " – "
				+ (dossier.profile().need() == null ? "opportunity" : dossier.profile().need());
		outbox.enqueue(event.leadId(), Peer.CRM, OPPORTUNITY, "PUT",
				crm.path(OPPORTUNITY, "/opportunities/{leadId}").replace("{leadId}", id),
				new Opportunity(id, id, event.leadId(), name, dossier.profile().owner(), "SQL", dossier.qualification()));
	}
}
