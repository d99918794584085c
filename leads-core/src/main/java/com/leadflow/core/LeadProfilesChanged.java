package com.leadflow.core;

import java.util.List;

/**
 * The profiles of several leads changed at once: their company's industry, size band or customer status (an admin's
 * or the CRM's edit, a field an arrival filled in). One event for up to 1,000 leads instead of a
 * {@link LeadProfileChanged} each, so that listeners handle an account's leads set-wise.
 */
public record LeadProfilesChanged(List<Long> leadIds) {

	public LeadProfilesChanged {
		leadIds = List.copyOf(leadIds);
	}
}
