package com.leadflow.core.lead;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Human decisions on fuzzy duplicate candidates: merge them (the older lead survives) or dismiss the pair. */
@Service
public class DuplicateReview {

	private final LeadQueries queries;

	private final Merges merges;

	private final JdbcClient jdbc;

	DuplicateReview(LeadQueries queries, Merges merges, JdbcClient jdbc) {
		this.queries = queries;
		this.merges = merges;
		this.jdbc = jdbc;
	}

	@Transactional
	public long accept(long candidateId, String actor) {
		LeadQueries.Candidate candidate = open(candidateId);
		long mergeId = merges.merge(candidate.leadA(), candidate.leadB(), actor,
				"duplicate candidate " + candidateId + " accepted (" + candidate.reason() + ")");
		jdbc.sql("""
				update duplicate_candidate set status = 'MERGED', decided_at = now(), decided_by = ?, merge_id = ?
				where id = ?""").params(actor, mergeId, candidateId).update();
		return mergeId;
	}

	@Transactional
	public void dismiss(long candidateId, String actor) {
		open(candidateId);
		jdbc.sql("update duplicate_candidate set status = 'DISMISSED', decided_at = now(), decided_by = ? where id = ?")
			.params(actor, candidateId)
			.update();
	}

	private LeadQueries.Candidate open(long candidateId) {
		LeadQueries.Candidate candidate = queries.candidate(candidateId)
			.orElseThrow(() -> new LeadNotFoundException("duplicate candidate", candidateId));
		if (!"OPEN".equals(candidate.status())) {
			throw new PoolConflictException("candidate-decided",
					"Duplicate candidate " + candidateId + " was already " + candidate.status().toLowerCase() + ".");
		}
		return candidate;
	}
}
