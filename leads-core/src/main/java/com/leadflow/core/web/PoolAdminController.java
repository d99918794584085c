package com.leadflow.core.web;

import java.security.Principal;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.core.LeadAccess;
import com.leadflow.core.company.Companies;
import com.leadflow.core.lead.DuplicateReview;
import com.leadflow.core.lead.LeadNotFoundException;
import com.leadflow.core.lead.LeadQueries;
import com.leadflow.core.lead.Merges;
import com.leadflow.core.web.LeadRequests.CompanySaveRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** Keeping the pool clean: merge records and undo, the duplicate review queue, accounts, customer notifications. */
@RestController
@Tag(name = "Pool administration", description = "Merges, duplicate review, accounts, notifications")
@Validated
class PoolAdminController {

	private final Merges merges;

	private final DuplicateReview review;

	private final LeadQueries queries;

	private final Companies companies;

	private final ObjectProvider<LeadAccess.Policy> access;

	PoolAdminController(Merges merges, DuplicateReview review, LeadQueries queries, Companies companies,
			ObjectProvider<LeadAccess.Policy> access) {
		this.access = access;
		this.merges = merges;
		this.review = review;
		this.queries = queries;
		this.companies = companies;
	}

	@GetMapping("/api/merges/{id}")
	@Operation(summary = "A merge record with every field decision")
	Merges.MergeRecord merge(@PathVariable long id) {
		return merges.find(id);
	}

	@PostMapping("/api/merges/{id}/undo")
	@Operation(summary = "Undo a merge", description = "Both leads come back with their own identities, touches, tags and fields; "
			+ "touches added after the merge stay with the survivor. 409 while a later merge absorbed the survivor.")
	Merges.MergeRecord undo(@PathVariable long id, Principal caller) {
		return merges.undo(id, Actors.of(caller));
	}

	@GetMapping("/api/duplicate-candidates")
	@Operation(summary = "The duplicate review queue (fuzzy matches), most similar first")
	List<LeadQueries.Candidate> candidates(
			@RequestParam(defaultValue = "OPEN") @Pattern(regexp = "OPEN|MERGED|DISMISSED") String status,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return queries.candidates(status, limit);
	}

	@PostMapping("/api/duplicate-candidates/{id}/merge")
	@Operation(summary = "Accept a candidate: merge the pair (the older lead survives)")
	Merges.MergeRecord accept(@PathVariable long id, Principal caller) {
		return merges.find(review.accept(id, Actors.of(caller)));
	}

	@PostMapping("/api/duplicate-candidates/{id}/dismiss")
	@Operation(summary = "Dismiss a candidate: the pair are different people")
	LeadQueries.Candidate dismiss(@PathVariable long id, Principal caller) {
		review.dismiss(id, Actors.of(caller));
		return queries.candidate(id).orElseThrow();
	}

	@PostMapping("/api/companies")
	@Operation(summary = "Create or update an account by name (e.g. mark an existing customer and its owner)")
	Companies.Company saveCompany(@Valid @RequestBody CompanySaveRequest r) {
		return companies.save(r.name(), r.industry(), r.sizeBand(), r.region(), Boolean.TRUE.equals(r.existingCustomer()),
				r.crmAccountId(),
				r.owner());
	}

	@GetMapping("/api/companies/{id}")
	Companies.Company company(@PathVariable long id) {
		return companies.find(id).orElseThrow(() -> new LeadNotFoundException("company", id));
	}

	@GetMapping("/api/notifications")
	@Operation(summary = "An account owner's notices about known customers' new activity, newest first")
	List<LeadQueries.Notification> notifications(@RequestParam String owner,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		LeadAccess.Policy policy = access.getIfAvailable();
		LeadAccess current = policy == null ? LeadAccess.EVERYTHING : policy.current();
		return current.sees(owner) ? queries.notifications(owner, limit) : List.of();
	}
}
