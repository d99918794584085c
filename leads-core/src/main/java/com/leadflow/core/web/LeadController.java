package com.leadflow.core.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.core.LeadAccess;
import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.ProfileScores;
import com.leadflow.core.Resolution;
import com.leadflow.core.Touch;
import com.leadflow.core.lead.LeadNotFoundException;
import com.leadflow.core.lead.LeadQueries;
import com.leadflow.core.lead.Merges;
import com.leadflow.core.lead.Tags;
import com.leadflow.core.privacy.Masking;
import com.leadflow.core.web.LeadRequests.ArrivalRequest;
import com.leadflow.core.web.LeadRequests.MergeRequest;
import com.leadflow.core.web.LeadRequests.TagRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The lead pool over HTTP: create-or-match, 360° profile, timeline, search, tags, explicit merges. */
@RestController
@RequestMapping("/api/leads")
@Tag(name = "Leads", description = "The central deduplicated lead pool")
@Validated
class LeadController {

	/** The 360° profile of a lead. {@code requestedId} differs from {@code id} when the requested lead was merged. */
	record Profile(long id, long requestedId, LeadSnapshot lead, List<LeadQueries.Identity> identities,
			List<Map<String, Object>> tags, LeadQueries.Completeness completeness, ProfileScores.ProfileScore score,
			long touchCount,
			List<Touch> timeline, List<Merges.MergeRecord> merges) {
	}

	record TimelinePage(long leadId, int page, int size, long total, List<Touch> touches) {
	}

	private final LeadPool pool;

	private final LeadQueries queries;

	private final Tags tags;

	private final Merges merges;

	private final com.leadflow.core.lead.Touches touches;

	private final ObjectProvider<LeadAccess.Policy> access;

	private final ObjectProvider<ProfileScores> scores;

	LeadController(LeadPool pool, LeadQueries queries, Tags tags, Merges merges, com.leadflow.core.lead.Touches touches,
			ObjectProvider<LeadAccess.Policy> access, ObjectProvider<ProfileScores> scores) {
		this.scores = scores;
		this.pool = pool;
		this.queries = queries;
		this.tags = tags;
		this.merges = merges;
		this.touches = touches;
		this.access = access;
	}

	private LeadAccess access() {
		LeadAccess.Policy policy = access.getIfAvailable();
		return policy == null ? LeadAccess.EVERYTHING : policy.current();
	}

	/** The lead behind an id if the caller may see it; otherwise, for them, it does not exist (404). */
	private LeadSnapshot visible(long id, LeadAccess access) {
		return pool.find(id).filter(l -> access.sees(l.owner())).orElseThrow(() -> new LeadNotFoundException("lead", id));
	}

	@PostMapping
	@Operation(summary = "Create or match a lead with a touch",
			description = "201 when a lead was created, 200 when the person matched an existing lead (matchedKeys says by what) "
					+ "or the touch was a retry with the same idempotency key.")
	ResponseEntity<Resolution> arrive(@Valid @RequestBody ArrivalRequest request) {
		Resolution resolution = pool.resolve(LeadRequests.toArrival(request));
		URI location = URI.create("/api/leads/" + resolution.leadId());
		return resolution.outcome() == Resolution.Outcome.CREATED ? ResponseEntity.created(location).body(resolution)
				: ResponseEntity.ok().location(location).body(resolution);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A lead's 360° profile (ids of merged leads resolve to the survivor)")
	Profile profile(@PathVariable long id) {
		LeadAccess access = access();
		LeadSnapshot lead = visible(id, access);
		List<LeadQueries.Identity> identities = queries.identities(lead.id());
		if (access.maskPersonalData()) {
			identities = identities.stream()
				.map(i -> new LeadQueries.Identity(i.kind(), Masking.identity(i.kind(), i.value()), i.source(), i.createdAt()))
				.toList();
		}
		return new Profile(lead.id(), id, access.maskPersonalData() ? Masking.snapshot(lead) : lead, identities,
				queries.tags(lead.id()), queries.completeness(lead),
				scores.stream().findFirst().flatMap(s -> s.of(lead.id())).orElse(null), touches.count(lead.id()),
				touches.page(lead.id(), 0, 20), merges.ofLead(lead.id()));
	}

	@GetMapping("/{id}/timeline")
	@Operation(summary = "A lead's timeline, newest first")
	TimelinePage timeline(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		long leadId = visible(id, access()).id();
		return new TimelinePage(leadId, page, size, touches.count(leadId), touches.page(leadId, page, size));
	}

	@GetMapping
	@Operation(summary = "Search leads", description = "Newest first; pass nextAfter back as 'after' for the next page.")
	LeadQueries.Page search(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String stage, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String industry, @RequestParam(required = false) String region,
			@RequestParam(required = false) Long seriesId, @RequestParam(required = false) String channel,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdTo,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant lastTouchFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant lastTouchTo,
			@RequestParam(required = false) Long after, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		LeadAccess access = access();
		LeadQueries.Page page = queries.search(new LeadQueries.Filter(q, tag, stage, owner, industry, region, seriesId,
				channel, createdFrom, createdTo, lastTouchFrom, lastTouchTo), after, limit, access);
		return access.maskPersonalData()
				? new LeadQueries.Page(page.items().stream().map(Masking::snapshot).toList(), page.nextAfter()) : page;
	}

	@PostMapping("/{id}/tags")
	@Operation(summary = "Tag a lead")
	List<Map<String, Object>> addTag(@PathVariable long id, @Valid @RequestBody TagRequest request) {
		return queries.tags(tags.add(visible(id, access()).id(), request.tag()));
	}

	@DeleteMapping("/{id}/tags/{tag}")
	@Operation(summary = "Remove a tag from a lead")
	List<Map<String, Object>> removeTag(@PathVariable long id, @PathVariable String tag) {
		return queries.tags(tags.remove(visible(id, access()).id(), tag));
	}

	@PostMapping("/{id}/merge")
	@Operation(summary = "Merge another lead into this one", description = "Recorded with every field decision; undo with POST /api/merges/{mergeId}/undo.")
	Merges.MergeRecord merge(@PathVariable long id, @Valid @RequestBody MergeRequest request,
			Principal caller) {
		long mergeId = merges.merge(id, request.absorbLeadId(), Actors.of(caller),
				request.reason() == null ? "explicit merge" : request.reason());
		return merges.find(mergeId);
	}

}
