package com.leadflow.platform.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The append-only audit log: written for every audited request, read by admins. */
@Service
public class AuditTrail {

	/** One audit entry. */
	public record Entry(long id, Instant at, String actor, String action, String path, Long leadId, int status,
			String correlation) {
	}

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(String actor, String action, String path, Long leadId, int status, String correlation) {
		jdbc.sql("insert into audit_log (actor, action, path, lead_id, status, correlation) values (?, ?, ?, ?, ?, ?)")
			.params(actor, action, path, leadId, status, correlation)
			.update();
	}

	public List<Entry> find(String actor, Long leadId, int limit) {
		StringBuilder sql = new StringBuilder(
				"select id, at, actor, action, path, lead_id, status, correlation from audit_log where true");
		List<Object> params = new ArrayList<>();
		if (actor != null) {
			sql.append(" and actor = ?");
			params.add(actor);
		}
		if (leadId != null) {
			sql.append(" and lead_id = ?");
			params.add(leadId);
		}
		sql.append(" order by id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), (Long) rs.getObject(6), rs.getInt(7), rs.getString(8)))
			.list();
	}
}
