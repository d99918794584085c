package com.leadflow.crmsync.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.crmsync.lifecycle.LifecycleProblem;
import com.leadflow.crmsync.outbox.Outbox;
import com.leadflow.crmsync.outbox.OutboxMessage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The outbox over HTTP: a lead's messages, dead letters and their replay. */
@RestController
@RequestMapping("/api/outbox")
@Tag(name = "Outbox", description = "Messages to the CRM and the call center, dead letters, replay")
class OutboxController {

	private final Outbox outbox;

	OutboxController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/messages")
	@Operation(summary = "A lead's messages to peers, oldest first")
	List<OutboxMessage> ofLead(@RequestParam long leadId) {
		return outbox.ofLead(leadId);
	}

	@GetMapping("/dead-letters")
	@Operation(summary = "Messages whose attempts are exhausted (keyset paging with after)")
	List<OutboxMessage> deadLetters(@RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "100") int limit) {
		return outbox.deadLetters(after, Math.max(1, Math.min(limit, 500)));
	}

	@PostMapping("/dead-letters/{id}/replay")
	@Operation(summary = "Put a dead letter back in line with fresh attempts (404 if it is not a dead letter)")
	ResponseEntity<Void> replay(@PathVariable long id) {
		if (!outbox.replay(id)) {
			throw LifecycleProblem.notFound("dead letter", id);
		}
		return ResponseEntity.accepted().build();
	}
}
