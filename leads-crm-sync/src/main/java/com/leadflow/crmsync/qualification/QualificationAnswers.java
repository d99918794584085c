package com.leadflow.crmsync.qualification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

	void record(long leadId, Map<String, String> answers, String by, Instant at) {
		answers.forEach((question, answer) -> jdbc.sql("""
				insert into qualification_answer (lead_id, question, answer, answered_by, answered_at)
				values (?, ?, ?, ?, ?)
				on conflict (lead_id, question) do update set answer = excluded.answer,
				    answered_by = excluded.answered_by, answered_at = excluded.answered_at""")
			.params(leadId, question, answer, by, Timestamp.from(at)).update());
	}
}
