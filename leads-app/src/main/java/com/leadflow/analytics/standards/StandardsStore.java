package com.leadflow.analytics.standards;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/** The current standards: the stored document, or the configured defaults while none was saved. */
@Service
public class StandardsStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AnalyticsProperties properties;

	StandardsStore(JdbcClient jdbc, JsonMapper json, AnalyticsProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.properties = properties;
	}

	public Standards current() {
		return jdbc.sql("select document::text from analytics_settings where id = 1").query(String.class).optional()
			.map(doc -> json.readValue(doc, Standards.class)).orElseGet(this::defaults);
	}

	public Standards defaults() {
		return new Standards(properties.target(), properties.completeness(), Standards.defaultCollection(),
				properties.staleAfterMonths(), properties.longNurturedAfterDays());
	}

	@Transactional
	public Standards save(Standards standards, String by) {
		standards.validated();
		jdbc.sql("""
				insert into analytics_settings (id, document, updated_at, updated_by) values (1, cast(? as jsonb), now(), ?)
				on conflict (id) do update set document = excluded.document, updated_at = now(), updated_by = excluded.updated_by""")
			.params(json.writeValueAsString(standards), by).update();
		return current();
	}
}
