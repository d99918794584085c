package com.leadflow.crmsync.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.crmsync.nurture.NurtureTracks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Nurture tracks for marketers and marketing tools (API keys of scope {@code nurture}). */
@RestController
@RequestMapping("/api/nurture")
@Tag(name = "Nurture", description = "Next-best-content rules, nurture tasks and the audiences marketing tools read")
class NurtureController {

	private final NurtureTracks tracks;

	private final LeadScope scope;

	NurtureController(NurtureTracks tracks, LeadScope scope) {
		this.tracks = tracks;
		this.scope = scope;
	}

	@GetMapping("/rules")
	@Operation(summary = "The next-best-content rules, in order of precedence")
	List<CrmSyncProperties.NurtureRule> rules() {
		return tracks.rules();
	}

	@GetMapping("/audiences")
	@Operation(summary = "Audiences: per content, how many leads have an open task")
	List<NurtureTracks.Audience> audiences() {
		return tracks.audiences();
	}

	@GetMapping("/audiences/{content}")
	@Operation(summary = "The leads to send a content to, by task id (keyset paging with after); only leads whose consent for the channel holds")
	List<NurtureTracks.AudienceMember> audience(@PathVariable String content,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		return tracks.audience(content, after, Math.max(1, Math.min(limit, 1000)));
	}

	@GetMapping("/leads/{leadId}/tasks")
	@Operation(summary = "A lead's nurture tasks, newest first (a BLOCKED one says which consent is missing)")
	List<NurtureTracks.Task> tasks(@PathVariable long leadId) {
		scope.check(leadId);
		return tracks.tasksOf(leadId);
	}
}
