package com.leadflow.crmsync.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.crmsync.LeadLifecycle.LeadStage;
import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.crmsync.qualification.SdrQualification;
import com.leadflow.crmsync.qualification.SdrQualification.CallOutcome;
import com.leadflow.crmsync.routing.SdrQueue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The SDR's side over HTTP: the queue, the BANT questionnaire and recording a call's outcome. */
@RestController
@Tag(name = "SDR", description = "SDR queue and BANT qualification")
class RoutingController {

	record QualificationRequest(@NotNull SdrQualification.Outcome outcome, Map<String, String> answers,
			String reason, LocalDate reengageAfter, String note) {
	}

	private final SdrQueue queue;

	private final SdrQualification qualification;

	private final LeadScope scope;

	RoutingController(SdrQueue queue, SdrQualification qualification, LeadScope scope) {
		this.queue = queue;
		this.qualification = qualification;
		this.scope = scope;
	}

	@GetMapping("/api/sdr-queue")
	@Operation(summary = "Open entries of the SDR queue, oldest first (optionally of one owner)")
	List<SdrQueue.Entry> queue(@RequestParam(required = false) String owner) {
		var access = scope.access();
		return queue.open(owner).stream().filter(e -> access.sees(e.owner())).toList();
	}

	@GetMapping("/api/qualification/questions")
	@Operation(summary = "The configured BANT questionnaire")
	List<CrmSyncProperties.Question> questions() {
		return qualification.questions();
	}

	@PostMapping("/api/qualification/leads/{leadId}")
	@Operation(summary = "Record an SDR call: answers and outcome (QUALIFIED makes the lead an SQL and pushes it to the CRM)")
	LeadStage qualify(@PathVariable long leadId, @Valid @RequestBody QualificationRequest request, Principal caller) {
		scope.check(leadId);
		return qualification.record(leadId, new CallOutcome(request.outcome(), request.reason(),
				request.reengageAfter(), request.answers(), request.note(), LeadScope.actor(caller)));
	}
}
