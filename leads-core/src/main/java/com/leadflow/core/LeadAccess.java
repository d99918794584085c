package com.leadflow.core;

import java.util.Set;

/**
 * What the current caller may see of the pool: every lead, or only leads owned by one of {@code owners}; with
 * personal data (e-mail, phone, WeChat ids) in clear or masked. Enforced in the pool's queries, so a lead outside
 * the caller's scope does not exist for them (404).
 */
public record LeadAccess(boolean allLeads, Set<String> owners, boolean maskPersonalData) {

	public static final LeadAccess EVERYTHING = new LeadAccess(true, Set.of(), false);

	public LeadAccess {
		owners = owners == null ? Set.of() : Set.copyOf(owners);
	}

	public boolean sees(String owner) {
		return allLeads || (owner != null && owners.contains(owner));
	}

	/** Supplies the current caller's access; the app derives it from the authenticated user. */
	public interface Policy {

		LeadAccess current();
	}
}
