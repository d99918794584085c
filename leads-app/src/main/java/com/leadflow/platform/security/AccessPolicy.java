package com.leadflow.platform.security;

import java.util.HashSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.leadflow.core.LeadAccess;

/**
 * The lead scope of the current caller: ADMIN, MARKETER and API keys see every lead; ANALYST every lead with personal
 * data masked; SALES the leads they or their team own; SDR the leads they own (their queue). Work without a caller
 * (background jobs, event listeners) sees everything.
 */
@Component
class AccessPolicy implements LeadAccess.Policy {

	private final UserAccounts users;

	AccessPolicy(UserAccounts users) {
		this.users = users;
	}

	@Override
	public LeadAccess current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated()) {
			return LeadAccess.EVERYTHING;
		}
		Set<String> roles = new HashSet<>();
		for (GrantedAuthority a : auth.getAuthorities()) {
			roles.add(a.getAuthority());
		}
		if (roles.contains("ROLE_ADMIN") || roles.contains("ROLE_MARKETER") || roles.contains("ROLE_INTEGRATION")) {
			return LeadAccess.EVERYTHING;
		}
		if (roles.contains("ROLE_ANALYST")) {
			return new LeadAccess(true, Set.of(), true);
		}
		Set<String> owners = new HashSet<>();
		owners.add(auth.getName());
		if (roles.contains("ROLE_SALES")) {
			users.find(auth.getName()).ifPresent(account -> owners.addAll(users.team(account.team())));
		}
		return new LeadAccess(false, owners, false);
	}
}
