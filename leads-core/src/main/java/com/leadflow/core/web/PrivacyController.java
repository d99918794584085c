package com.leadflow.core.web;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.LeadAccess;
import com.leadflow.core.LeadPool;
import com.leadflow.core.lead.LeadNotFoundException;
import com.leadflow.core.privacy.Consents;
import com.leadflow.core.privacy.KeyRotation;
import com.leadflow.core.privacy.DataSubjects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Consent per purpose, and data subject requests (export, erasure). */
@RestController
@Tag(name = "Privacy", description = "Consent, export and erasure of a person's data (PIPL / GDPR)")
class PrivacyController {

	record ConsentRequest(@NotNull ConsentPurpose purpose, @NotNull Boolean granted, @NotNull @Size(max = 60) String source,
			@Size(max = 60) String textVersion) {
	}

	private final LeadPool pool;

	private final Consents consents;

	private final KeyRotation rotation;

	private final DataSubjects subjects;

	private final ObjectProvider<LeadAccess.Policy> access;

	PrivacyController(LeadPool pool, Consents consents, DataSubjects subjects, KeyRotation rotation,
			ObjectProvider<LeadAccess.Policy> access) {
		this.rotation = rotation;
		this.pool = pool;
		this.consents = consents;
		this.subjects = subjects;
		this.access = access;
	}

	@PostMapping("/api/leads/{id}/consents")
	@Operation(summary = "Record a consent grant or refusal/withdrawal for a purpose")
	ResponseEntity<Consents.Consent> record(@PathVariable long id, @Valid @RequestBody ConsentRequest request) {
		return ResponseEntity.status(201).body(consents.decide(visible(id), request.purpose(), request.granted(),
				request.source(), request.textVersion()));
	}

	@GetMapping("/api/leads/{id}/consents")
	List<Consents.Consent> consents(@PathVariable long id) {
		return consents.of(visible(id));
	}

	@GetMapping("/api/leads/{id}/export")
	@Operation(summary = "Export everything held about the person (data subject access request)")
	Map<String, Object> export(@PathVariable long id) {
		return subjects.export(id);
	}

	@PostMapping("/api/leads/{id}/erase")
	@Operation(summary = "Erase the person's personal data", description = "Touches stay as anonymous counts for reports.")
	Map<String, Object> erase(@PathVariable long id) {
		return Map.of("erasedLeadId", subjects.erase(id));
	}

	@PostMapping("/api/admin/personal-data/reencrypt")
	@Operation(summary = "Re-encrypt every stored identity under the active data key",
			description = "Key rotation: restart with the new key active and the old one still listed, call this, then drop the old key.")
	KeyRotation.Result reencrypt() {
		return rotation.reencryptAll();
	}

	private long visible(long id) {
		LeadAccess.Policy policy = access.getIfAvailable();
		LeadAccess current = policy == null ? LeadAccess.EVERYTHING : policy.current();
		return pool.find(id).filter(l -> current.sees(l.owner())).map(l -> l.id())
			.orElseThrow(() -> new LeadNotFoundException("lead", id));
	}
}
