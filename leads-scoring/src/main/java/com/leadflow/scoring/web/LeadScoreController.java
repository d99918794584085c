package com.leadflow.scoring.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.core.LeadAccess;
import com.leadflow.core.LeadPool;
import com.leadflow.scoring.FitGrade;
import com.leadflow.scoring.LeadScore;
import com.leadflow.scoring.RecycleRule;
import com.leadflow.scoring.ScoreBand;
import com.leadflow.scoring.ScoringService;
import com.leadflow.scoring.bulk.ModelActivation;
import com.leadflow.scoring.bulk.ScoringJob;
import com.leadflow.scoring.bulk.ScoringJobs;
import com.leadflow.scoring.lead.LeadScores;
import com.leadflow.scoring.model.DefaultModels;
import com.leadflow.scoring.model.ModelValidator.Violation;
import com.leadflow.scoring.model.ScoringProblems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Leads' scores with their explanations, the distribution over bands, recycling and re-score jobs. */
@RestController
@RequestMapping("/api/scoring")
@Tag(name = "Lead scores", description = "Scores, bands, fit grades and their explanations")
class LeadScoreController {

	private final ScoringService scoring;

	private final LeadScores scores;

	private final ScoringJobs jobs;

	private final ModelActivation activation;

	private final LeadPool pool;

	private final ObjectProvider<LeadAccess.Policy> access;

	LeadScoreController(ScoringService scoring, LeadScores scores, ScoringJobs jobs, ModelActivation activation,
			LeadPool pool, ObjectProvider<LeadAccess.Policy> access) {
		this.scoring = scoring;
		this.scores = scores;
		this.jobs = jobs;
		this.activation = activation;
		this.pool = pool;
		this.access = access;
	}

	/** A lead outside the caller's scope does not exist for them (as in the pool's own API). */
	private void checkVisible(long leadId) {
		LeadAccess caller = access.getIfAvailable(() -> () -> LeadAccess.EVERYTHING).current();
		if (!caller.allLeads() && pool.find(leadId).map(l -> !caller.sees(l.owner())).orElse(true)) {
			throw ScoringProblems.notFound("Lead " + leadId);
		}
	}

	/** A lead's scores, one per score group. */
	record ScoresOfLead(long leadId, List<LeadScore> scores) {
	}

	/** Leads per band and per fit grade in one score group. */
	record Distribution(String group, long leads, Map<ScoreBand, Long> bands, Map<FitGrade, Long> grades) {
	}

	/** How to recycle: keep this fraction of earlier behaviour points (0 = reset), and why. */
	record RecycleRequest(Double keepFraction, String reason) {
	}

	@GetMapping("/leads/{leadId}/score")
	@Operation(summary = "A lead's scores with explanation",
			description = "Total, band, fit points and grade, behaviour points and the lines that explain them; "
					+ "a merged-away id answers with its survivor's scores")
	ScoresOfLead score(@PathVariable long leadId) {
		checkVisible(leadId);
		List<LeadScore> result = scoring.scoresOf(leadId);
		if (result.isEmpty()) {
			throw ScoringProblems.notFound("Lead " + leadId);
		}
		return new ScoresOfLead(result.getFirst().leadId(), result);
	}

	@PostMapping("/leads/{leadId}/recycle")
	@Operation(summary = "Recycle a lead", description = "Resets (keepFraction 0) or decays its behaviour points so far")
	ScoresOfLead recycle(@PathVariable long leadId, @RequestBody RecycleRequest request) {
		checkVisible(leadId);
		double keep = request.keepFraction() == null ? 0 : request.keepFraction();
		if (!(keep >= 0 && keep <= 1)) {
			throw ScoringProblems.invalid(List.of(new Violation("keepFraction", "must be between 0 and 1")));
		}
		List<LeadScore> result = scoring.recycle(leadId, new RecycleRule(keep, request.reason()));
		if (result.isEmpty()) {
			throw ScoringProblems.notFound("Lead " + leadId);
		}
		return new ScoresOfLead(result.getFirst().leadId(), result);
	}

	@GetMapping("/distribution")
	@Operation(summary = "How many leads are in each band", description = "Of one score group (default 'default')")
	Distribution distribution(@RequestParam(defaultValue = DefaultModels.DEFAULT_GROUP) String group) {
		Map<ScoreBand, Long> bands = scores.distribution(group);
		return new Distribution(group, bands.values().stream().mapToLong(Long::longValue).sum(), bands,
				scores.grades(group));
	}

	@PostMapping("/rescore")
	@Operation(summary = "Re-score every lead with the active models", description = "202 with the background job")
	ResponseEntity<ScoringJob> rescoreAll() {
		ScoringJob job = activation.rescoreAll();
		return ResponseEntity.accepted().location(URI.create("/api/scoring/jobs/" + job.id())).body(job);
	}

	@GetMapping("/jobs/{id}")
	@Operation(summary = "Progress of a re-score job", description = "status PENDING, RUNNING, DONE or FAILED; "
			+ "processed of totalLeads; bandChanges")
	ScoringJob job(@PathVariable long id) {
		return jobs.byId(id).orElseThrow(() -> ScoringProblems.notFound("Scoring job " + id));
	}
}
