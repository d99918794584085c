package com.leadflow.analytics.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.analytics.readmodel.DirtyLeads;
import com.leadflow.analytics.readmodel.LeadFacts;
import com.leadflow.analytics.readmodel.Rebuild;
import com.leadflow.analytics.support.Problems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The state of the read model, and its rebuild from the other modules' APIs (admins only). */
@RestController
@RequestMapping("/api/analytics")
@Tag(name = "Analytics: read model", description = "Read-model status and rebuild")
class ReadModelController {

	private final Rebuild rebuild;

	private final DirtyLeads dirty;

	private final LeadFacts facts;

	ReadModelController(Rebuild rebuild, DirtyLeads dirty, LeadFacts facts) {
		this.rebuild = rebuild;
		this.dirty = dirty;
		this.facts = facts;
	}

	@GetMapping("/status")
	@Operation(summary = "Leads in the read model and leads waiting to be recomputed")
	Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("leads", facts.count());
		status.put("pending", dirty.pending());
		status.put("rebuild", rebuild.status().orElse(null));
		return status;
	}

	@PostMapping("/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rebuild the read model from the lead pool, lifecycle and scoring APIs (admins; 409 while one runs)")
	Rebuild.Status rebuild(Authentication user) {
		if (user == null || user.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))) {
			throw Problems.forbidden("Only admins may rebuild the analytics read model.");
		}
		return rebuild.start(user.getName());
	}

	@GetMapping("/rebuild")
	@Operation(summary = "The last rebuild (404 if none ran)")
	Rebuild.Status lastRebuild() {
		return rebuild.status().orElseThrow(() -> new org.springframework.web.ErrorResponseException(HttpStatus.NOT_FOUND));
	}
}
