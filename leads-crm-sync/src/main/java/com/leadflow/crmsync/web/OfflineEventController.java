package com.leadflow.crmsync.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.crmsync.offline.OfflineEvents;
import com.leadflow.crmsync.offline.OfflineEvents.EventDetails;
import com.leadflow.crmsync.offline.OfflineEvents.Invitee;
import com.leadflow.crmsync.offline.OfflineEvents.OfflineEvent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Offline events and their invitation lists (Warm leads are invited to the next matching event). */
@RestController
@RequestMapping("/api/events")
@Tag(name = "Offline events", description = "Offline events, their invitees and the waiting list of Warm leads")
class OfflineEventController {

	/** An event as created or changed; region / industry left empty match every lead. */
	record EventRequest(@NotBlank @Size(max = 200) String name, @Size(max = 100) String region,
			@Size(max = 100) String industry, @NotNull Instant startsAt, @Size(max = 200) String location) {

		EventDetails details() {
			return new EventDetails(name, region, industry, startsAt, location);
		}
	}

	private final OfflineEvents events;

	private final LeadScope scope;

	OfflineEventController(OfflineEvents events, LeadScope scope) {
		this.events = events;
		this.scope = scope;
	}

	@PostMapping
	@Operation(summary = "Create an event (waiting Warm leads it matches are invited)")
	ResponseEntity<OfflineEvent> create(@Valid @RequestBody EventRequest request) {
		OfflineEvent event = events.create(request.details());
		return ResponseEntity.created(URI.create("/api/events/" + event.id())).body(event);
	}

	@GetMapping
	@Operation(summary = "Events, soonest first (only upcoming ones unless upcoming=false)")
	List<OfflineEvent> list(@RequestParam(defaultValue = "true") boolean upcoming) {
		return events.list(upcoming);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One event with its number of invitees")
	OfflineEvent find(@PathVariable long id) {
		return events.find(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an event")
	OfflineEvent update(@PathVariable long id, @Valid @RequestBody EventRequest request) {
		return events.update(id, request.details());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an event and its invitation list")
	ResponseEntity<Void> delete(@PathVariable long id) {
		events.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/invitees")
	@Operation(summary = "The event's invitees (those the caller may see); contactBlocked says who must not be mailed")
	List<Invitee> invitees(@PathVariable long id) {
		var access = scope.access();
		return events.invitees(id).stream().filter(i -> access.sees(i.owner())).toList();
	}

	@GetMapping("/waiting-list")
	@Operation(summary = "Warm leads waiting for an event of their region / industry")
	List<Invitee> waitingList() {
		var access = scope.access();
		return events.waitingList().stream().filter(i -> access.sees(i.owner())).toList();
	}
}
