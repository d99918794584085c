package com.leadflow.scoring.lead;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.leadflow.core.ProfileScores;
import com.leadflow.scoring.LeadScore;

/** The lead profile's score: the stored score of the lead's first score group (read only, nothing is computed). */
@Component
class StoredProfileScores implements ProfileScores {

	private final LeadScores scores;

	StoredProfileScores(LeadScores scores) {
		this.scores = scores;
	}

	@Override
	public Optional<ProfileScore> of(long leadId) {
		return scores.ofLead(leadId).stream().findFirst().map(StoredProfileScores::summary);
	}

	private static ProfileScore summary(LeadScore s) {
		return new ProfileScore(s.total(), s.band() == null ? null : s.band().name(),
				s.fitGrade() == null ? null : s.fitGrade().name(), s.group(), s.modelId(), s.modelVersion(), s.scoredAt());
	}
}
