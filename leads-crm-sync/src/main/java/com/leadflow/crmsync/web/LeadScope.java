package com.leadflow.crmsync.web;

import java.security.Principal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.leadflow.core.LeadAccess;
import com.leadflow.core.LeadPool;
import com.leadflow.crmsync.lifecycle.LifecycleProblem;

/**
 * The caller's lead scope on crm-sync's endpoints, as the pool enforces it on its own: a lead outside it does not
 * exist for the caller (404). Without a policy (module tests, no security) everything is visible.
 */
@Component
class LeadScope {

	private final LeadPool pool;

	private final ObjectProvider<LeadAccess.Policy> policy;

	LeadScope(LeadPool pool, ObjectProvider<LeadAccess.Policy> policy) {
		this.pool = pool;
		this.policy = policy;
	}

	LeadAccess access() {
		LeadAccess.Policy p = policy.getIfAvailable();
		return p == null ? LeadAccess.EVERYTHING : p.current();
	}

	/** Who acts, as stored with a move: the authenticated caller (user or API key), never a name from the body. */
	static String actor(Principal caller) {
		return caller == null ? "anonymous" : caller.getName();
	}

	/** Throws 404 unless the lead exists and the caller may see it. */
	void check(long leadId) {
		LeadAccess access = access();
		if (pool.find(leadId).filter(lead -> access.sees(lead.owner())).isEmpty()) {
			throw LifecycleProblem.leadNotFound(leadId);
		}
	}
}
