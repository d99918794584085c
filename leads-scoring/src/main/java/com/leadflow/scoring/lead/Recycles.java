package com.leadflow.scoring.lead;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.leadflow.scoring.engine.Recycled;

/** Recycle marks of leads (table {@code lead_score_recycle}): the latest recycle of a lead replaces the earlier one. */
@Repository
public class Recycles {

	private final JdbcClient jdbc;

	Recycles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void mark(long leadId, Recycled recycled) {
		jdbc.sql("""
				insert into lead_score_recycle (lead_id, recycled_at, keep_fraction, reason) values (?, ?, ?, ?)
				on conflict (lead_id) do update set recycled_at = excluded.recycled_at,
				    keep_fraction = excluded.keep_fraction, reason = excluded.reason""")
			.params(leadId, Timestamp.from(recycled.at()), recycled.keepFraction(), recycled.reason())
			.update();
	}

	public Map<Long, Recycled> of(Collection<Long> leadIds) {
		Map<Long, Recycled> marks = new HashMap<>();
		jdbc.sql("select lead_id, recycled_at, keep_fraction, reason from lead_score_recycle where lead_id = any(cast(? as bigint[]))")
			.param(leadIds.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				marks.put(rs.getLong(1), new Recycled(rs.getTimestamp(2).toInstant(), rs.getDouble(3), rs.getString(4)));
			});
		return marks;
	}

}
