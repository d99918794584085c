package com.leadflow.crmsync.qualification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.leadflow.crmsync.config.CrmSyncProperties;
import com.leadflow.crmsync.lifecycle.LifecycleProblem;

/** The table {@code qualification_answer}: an SDR's answers to the BANT questionnaire, latest per question. */
@Repository
public class QualificationAnswers {

	private final JdbcClient jdbc;

	QualificationAnswers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<String, String> of(long leadId) {
		Map<String, String> answers = new LinkedHashMap<>();
		jdbc.sql("select question, answer from qualification_answer where lead_id = ? order by question").param(leadId)
			.query(rs -> {
				answers.put(rs.getString(1), rs.getString(2));
			});
		return answers;
	}

	/**
	 * Refuses (400, naming the first unanswered question) unless every required question of the questionnaire has an
	 * answer: the gate every path to SQL goes through.
	 */
	public void requireQualified(long leadId, List<CrmSyncProperties.Question> questions) {
		Map<String, String> all = of(leadId);
		for (CrmSyncProperties.Question q : questions) {
			if (q.required() && (all.get(q.key()) == null || all.get(q.key()).isBlank())) {
				throw LifecycleProblem.invalid("answers." + q.key(), "required to qualify: " + q.text()
						+ " (an SQL needs the SDR questionnaire answered: POST /api/qualification/leads/" + leadId
						+ ", or the answers with the move)");
			}
		}
	}

	void record(long leadId, Map<String, String> answers, String by, Instant at) {
		answers.forEach((question, answer) -> jdbc.sql("""
				insert into qualification_answer (lead_id, question, answer, answered_by, answered_at)
				values (?, ?, ?, ?, ?)
				on conflict (lead_id, question) do update set answer = excluded.answer,
				    answered_by = excluded.answered_by, answered_at = excluded.answered_at""")
			.params(leadId, question, answer, by, Timestamp.from(at)).update());
	}
}
