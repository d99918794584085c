package com.leadflow.scoring.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.LeadPool;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.LeadsTouched;
import com.leadflow.core.Touch;
import com.leadflow.scoring.GroupScore;
import com.leadflow.scoring.LeadBandChanged;
import com.leadflow.scoring.LeadBandsChanged;
import com.leadflow.scoring.LeadScore;
import com.leadflow.scoring.RecycleRule;
import com.leadflow.scoring.ScoreBand;
import com.leadflow.scoring.ScoringService;
import com.leadflow.scoring.engine.CompiledModel;
import com.leadflow.scoring.engine.CompiledModel.Group;
import com.leadflow.scoring.engine.ModelScore;
import com.leadflow.scoring.engine.Recycled;
import com.leadflow.scoring.engine.ScoringEngine;
import com.leadflow.scoring.model.ModelCatalog;
import com.leadflow.scoring.model.ModelCatalog.ActiveModels;

/**
 * Scores leads with the active model of their scope and stores the result; announces band changes. Work on a lead
 * is serialised by a transaction-scoped advisory lock, so the last writer always read the whole timeline.
 */
@Service
public class LeadScoring implements ScoringService {

	private final LeadPool pool;

	private final ModelCatalog catalog;

	private final LeadScores scores;

	private final Recycles recycles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LeadScoring(LeadPool pool, ModelCatalog catalog, LeadScores scores, Recycles recycles,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.pool = pool;
		this.catalog = catalog;
		this.scores = scores;
		this.recycles = recycles;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	@Transactional
	public List<LeadScore> scoresOf(long leadId) {
		long canonical = pool.canonicalId(leadId);
		if (canonical == 0) {
			return List.of();
		}
		List<LeadScore> stored = scores.ofLead(canonical);
		return stored.isEmpty() ? rescore(canonical) : explained(stored);
	}

	@Override
	@Transactional
	public List<LeadScore> rescore(long leadId) {
		long canonical = pool.canonicalId(leadId); // the batch reads the profile: no second read here
		if (canonical != leadId) {
			scores.lock(List.of(leadId));
			scores.deleteOf(leadId); // merged away or gone: its scores live on the survivor
		}
		if (canonical == 0) {
			return List.of();
		}
		return explained(rescoreBatch(List.of(canonical)).scores());
	}

	/** Scores with their lines in words, by the model version that scored them. */
	private List<LeadScore> explained(List<LeadScore> scores) {
		List<LeadScore> explained = new ArrayList<>(scores.size());
		for (LeadScore s : scores) {
			Group group = catalog.compiled(s.modelId()).groups().stream()
				.filter(g -> g.name().equals(s.group()))
				.findFirst()
				.orElseThrow();
			explained.add(new LeadScore(s.leadId(), s.group(), s.total(), s.band(), s.fitPoints(), s.fitGrade(),
					s.behaviourPoints(), s.modelId(), s.scope(), s.modelVersion(), s.scoredAt(),
					ScoringEngine.explain(group, s.lines())));
		}
		return explained;
	}

	@Override
	@Transactional
	public List<LeadScore> recycle(long leadId, RecycleRule rule) {
		long canonical = pool.canonicalId(leadId);
		if (canonical == 0) {
			return List.of();
		}
		scores.lock(List.of(canonical));
		recycles.mark(canonical, new Recycled(clock.instant(), rule.keepFraction(), rule.reason()));
		return rescore(canonical);
	}

	/** The outcome of scoring a batch: the stored scores and how many bands changed. */
	public record BatchResult(List<LeadScore> scores, int bandChanges) {
	}

	/**
	 * Re-scores active leads by id (in the caller's transaction): one read of snapshots, timelines and marks; the
	 * scores' lines carry figures, not words ({@link ScoringEngine#explain}). Band changes are announced with one
	 * {@link LeadBandChanged}, or one {@link LeadBandsChanged} when there are several.
	 */
	@Transactional
	public BatchResult rescoreBatch(Collection<Long> leadIds) {
		if (leadIds.isEmpty()) {
			return new BatchResult(List.of(), 0);
		}
		scores.lock(leadIds);
		List<LeadBandChanged> changes = new ArrayList<>();
		List<LeadScore> result = rescoreInFull(leadIds, catalog.active(), clock.instant(), Map.of(), changes);
		announce(changes);
		return new BatchResult(result, changes.size());
	}

	/**
	 * Re-scores the leads of a batch of arrivals, as {@link #rescoreBatch} does, but a lead the batch only touched
	 * (neither created nor changed its profile) keeps the fit part of its stored score: only its behaviour part is
	 * scored, from its timeline, and written against the stored fit points (no profile read, no criterion matched
	 * again; ADR 0003). That holds while the stored score is by the model that scores the lead, no active model needs
	 * the profile for the behaviour part (e-mail addresses for competitors' domains) or reads customer status (from
	 * the lead's account and CRM keys, outside its row: left to the full path), and the lead still holds its touches
	 * (one merged away meanwhile has none): the others are scored in full.
	 * @return how many bands changed
	 */
	@Transactional
	public int rescoreArrivals(LeadsTouched arrivals) {
		List<Long> leadIds = arrivals.leadIds();
		if (leadIds.isEmpty()) {
			return 0;
		}
		scores.lock(leadIds);
		ActiveModels models = catalog.active();
		Instant now = clock.instant();
		List<LeadBandChanged> changes = new ArrayList<>();
		Set<Long> inFull = new LinkedHashSet<>(leadIds);
		Map<Long, List<Touch>> timelines = Map.of();
		Set<Long> touchedOnly = new LinkedHashSet<>();
		arrivals.touches().stream().filter(t -> !t.leadCreated()).forEach(t -> touchedOnly.add(t.leadId()));
		arrivals.profileChanged().forEach(touchedOnly::remove);
		if (!touchedOnly.isEmpty() && !models.readEmails() && !models.readCustomerStatus()) {
			timelines = pool.timelines(touchedOnly);
			inFull.removeAll(rescoreBehaviour(touchedOnly, models, timelines, now, changes));
		}
		rescoreInFull(inFull, models, now, timelines, changes);
		announce(changes);
		return changes.size();
	}

	/** @return the leads whose stored scores took their new behaviour part */
	private Set<Long> rescoreBehaviour(Set<Long> leadIds, ActiveModels models, Map<Long, List<Touch>> timelines,
			Instant now, List<LeadBandChanged> changes) {
		Map<Long, CompiledModel> modelOf = new HashMap<>(); // the model of a lead's stored score, if active
		if (models.byScope().size() == 1) {
			CompiledModel only = models.byScope().values().iterator().next();
			leadIds.forEach(id -> modelOf.put(id, only));
		}
		else {
			Map<Long, CompiledModel> active = new HashMap<>();
			models.byScope().values().forEach(m -> active.put(m.modelId(), m));
			scores.modelsOf(leadIds).forEach((lead, model) -> {
				if (active.containsKey(model)) {
					modelOf.put(lead, active.get(model));
				}
			});
		}
		modelOf.keySet().removeIf(id -> timelines.getOrDefault(id, List.of()).isEmpty());
		Map<Long, Recycled> marks = recycles.of(modelOf.keySet());
		List<LeadScores.NewBehaviour> parts = new ArrayList<>();
		modelOf.forEach((lead, model) -> ScoringEngine.behaviour(model, timelines.get(lead), now, marks.get(lead))
			.forEach(part -> parts.add(new LeadScores.NewBehaviour(lead, model.modelId(), part))));
		Map<Long, Integer> rewritten = new HashMap<>();
		for (LeadScores.Rewritten row : scores.rewriteBehaviour(parts, now)) {
			rewritten.merge(row.leadId(), 1, Integer::sum);
			if (row.before() != row.band()) {
				changes.add(new LeadBandChanged(row.leadId(), row.group(), row.before(), row.band(), row.total(),
						row.fitGrade()));
			}
		}
		Set<Long> done = new HashSet<>();
		rewritten.forEach((lead, groups) -> {
			if (groups == modelOf.get(lead).groups().size()) {
				done.add(lead);
			}
		});
		return done;
	}

	/** Scores leads in full (timelines read already are used as they are) and stores their scores. */
	private List<LeadScore> rescoreInFull(Collection<Long> leadIds, ActiveModels models, Instant now,
			Map<Long, List<Touch>> timelinesRead, List<LeadBandChanged> changes) {
		if (leadIds.isEmpty()) {
			return List.of();
		}
		List<LeadSnapshot> leads = pool.findProfiles(leadIds, models.readEmails(), models.readCustomerStatus());
		Set<Long> ids = new HashSet<>();
		leads.forEach(l -> ids.add(l.id()));
		Set<Long> unread = new HashSet<>(ids);
		unread.removeAll(timelinesRead.keySet());
		Map<Long, List<Touch>> timelines = new HashMap<>(timelinesRead);
		timelines.putAll(pool.timelines(unread));
		Map<Long, Recycled> marks = recycles.of(ids);
		List<LeadScore> result = new ArrayList<>();
		for (LeadSnapshot lead : leads) {
			if (!ids.remove(lead.id())) {
				continue; // the same survivor twice
			}
			ModelScore score = ScoringEngine.score(models.forLead(lead), lead,
					timelines.getOrDefault(lead.id(), List.of()), now, marks.get(lead.id()));
			for (GroupScore g : score.groups()) {
				result.add(new LeadScore(lead.id(), g.group(), g.total(), g.band(), g.fitPoints(), g.fitGrade(),
						g.behaviourPoints(), score.modelId(), score.scope(), score.version(), now, g.lines()));
			}
		}
		Map<Long, Map<String, ScoreBand>> oldBands = scores.replace(result);
		for (LeadScore s : result) {
			ScoreBand before = oldBands.getOrDefault(s.leadId(), Map.of()).get(s.group());
			if (before != s.band()) {
				changes.add(new LeadBandChanged(s.leadId(), s.group(), before, s.band(), s.total(), s.fitGrade()));
			}
		}
		return result;
	}

	private void announce(List<LeadBandChanged> changes) {
		if (changes.size() == 1) {
			events.publishEvent(changes.get(0));
		}
		else if (!changes.isEmpty()) {
			events.publishEvent(new LeadBandsChanged(changes));
		}
	}
}
