package com.leadflow.crmsync.qualification;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.crmsync.LeadLifecycle;
import com.leadflow.crmsync.LeadLifecycle.LeadStage;
import com.leadflow.crmsync.LeadLifecycle.Move;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.crmsync.config.CrmSyncClock;
import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.crmsync.lifecycle.LifecycleProblem;

/**
 * SDR qualification: the outcome of a call with its BANT answers. Qualified accepts the lead for the SDR (SAL) and
 * makes it an SQL, which hands it to the CRM (the lifecycle refuses any move to SQL before every required question is
 * answered); "not now" recycles it with a reason; invalid disqualifies it. Answers and moves commit together.
 */
@Service
public class SdrQualification {

	/** The possible results of an SDR call. */
	public enum Outcome {
		QUALIFIED, NOT_NOW, INVALID
	}

	/** One call's result; {@code reason} for NOT_NOW (default TIMING) and INVALID (default WRONG_DATA). */
	public record CallOutcome(Outcome outcome, String reason, LocalDate reengageAfter, Map<String, String> answers,
			String note, String actor) {

		public CallOutcome {
			answers = answers == null ? Map.of() : Map.copyOf(answers);
		}
	}

	private final LeadLifecycle lifecycle;

	private final QualificationAnswers answers;

	private final CrmSyncProperties.Qualification questionnaire;

	private final CrmSyncClock clock;

	SdrQualification(LeadLifecycle lifecycle, QualificationAnswers answers, CrmSyncProperties properties,
			CrmSyncClock clock) {
		this.lifecycle = lifecycle;
		this.answers = answers;
		this.questionnaire = properties.qualification();
		this.clock = clock;
	}

	public List<CrmSyncProperties.Question> questions() {
		return questionnaire.questions();
	}

	@Transactional
	public LeadStage record(long leadId, CallOutcome call) {
		if (call.outcome() == null) {
			throw LifecycleProblem.invalid("outcome", "one of QUALIFIED, NOT_NOW, INVALID is required");
		}
		String actor = call.actor() == null || call.actor().isBlank() ? "sdr" : call.actor().strip();
		LeadStage current = lifecycle.stageForUpdate(leadId);
		LifecycleStage stage = current.stage();
		long id = current.leadId();
		Map<String, String> given = normalised(call.answers());
		answers.record(id, given, actor, clock.now());
		return switch (call.outcome()) {
			case QUALIFIED -> {
				if (stage == LifecycleStage.MQL) {
					lifecycle.move(id, new Move(LifecycleStage.SAL, null, null, "accepted by the SDR", actor));
				}
				yield lifecycle.move(id, new Move(LifecycleStage.SQL, null, null, call.note(), actor)); // checks answers
			}
			case NOT_NOW -> lifecycle.move(id, new Move(LifecycleStage.RECYCLED,
					call.reason() == null ? "TIMING" : call.reason(), call.reengageAfter(), call.note(), actor));
			case INVALID -> lifecycle.move(id, new Move(LifecycleStage.DISQUALIFIED,
					call.reason() == null ? "WRONG_DATA" : call.reason(), null, call.note(), actor));
		};
	}

	/**
	 * A move to SQL with the answers given with it (the generic transition): they are recorded, then the move checks
	 * the questionnaire like every move to SQL does. Answers and move commit together.
	 */
	@Transactional
	public LeadStage toSql(long leadId, Map<String, String> given, String note, String actor) {
		long id = lifecycle.stageForUpdate(leadId).leadId();
		answers.record(id, normalised(given == null ? Map.of() : given), actor, clock.now());
		return lifecycle.move(id, new Move(LifecycleStage.SQL, null, null, note, actor));
	}

	private static Map<String, String> normalised(Map<String, String> answers) {
		Map<String, String> result = new java.util.LinkedHashMap<>();
		answers.forEach((k, v) -> {
			if (k != null && v != null && !v.isBlank()) {
				result.put(k.strip().toLowerCase(Locale.ROOT), v.strip());
			}
		});
		return result;
	}
}
