package com.leadflow.crmsync.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.crmsync.LeadLifecycle;
import com.leadflow.crmsync.LeadLifecycle.LeadStage;
import com.leadflow.crmsync.LeadLifecycle.Move;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.crmsync.qualification.SdrQualification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A lead's lifecycle over HTTP: its stage with history, and moves between stages. */
@RestController
@RequestMapping("/api/lifecycle/leads/{leadId}")
@Tag(name = "Lifecycle", description = "Lead lifecycle stages, transitions and their history")
class LifecycleController {

	/**
	 * A requested move; {@code reason} is required for DISQUALIFIED and RECYCLED; SQL needs every required question
	 * of the SDR questionnaire answered, before or in {@code answers}. Who moves it: the caller.
	 */
	record TransitionRequest(@NotNull LifecycleStage to, String reason, LocalDate reengageAfter, String note,
			Map<String, String> answers) {
	}

	private final LeadLifecycle lifecycle;

	private final LeadScope scope;

	private final SdrQualification qualification;

	LifecycleController(LeadLifecycle lifecycle, SdrQualification qualification, LeadScope scope) {
		this.lifecycle = lifecycle;
		this.qualification = qualification;
		this.scope = scope;
	}

	@GetMapping
	@Operation(summary = "The lead's lifecycle stage and the history of its moves")
	LeadStage stage(@PathVariable long leadId) {
		scope.check(leadId);
		return lifecycle.stageOf(leadId);
	}

	@PostMapping("/transitions")
	@Operation(summary = "Move the lead to another stage (409 if the move is illegal from its current stage)")
	LeadStage move(@PathVariable long leadId, @Valid @RequestBody TransitionRequest request, Principal caller) {
		scope.check(leadId);
		String actor = LeadScope.actor(caller);
		if (request.to() == LifecycleStage.SQL) {
			return qualification.toSql(leadId, request.answers(), request.note(), actor);
		}
		return lifecycle.move(leadId, new Move(request.to(), request.reason(), request.reengageAfter(),
				request.note(), actor));
	}
}
