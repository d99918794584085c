package com.leadflow.testsupport;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.core.Ordered;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Gives every test class an empty database: before the class runs, all tables of the current schema are truncated,
 * except Flyway's history and tables whose comment says {@code reference data} (seeded by migrations).
 */
public class CleanDatabaseTestExecutionListener implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestClass(TestContext testContext) {
		var context = testContext.getApplicationContext();
		if (context.getBeanNamesForType(DataSource.class).length == 0) {
			return;
		}
		truncateAll(new JdbcTemplate(context.getBean(DataSource.class)));
	}

	/**
	 * Truncates every table of the current schema but Flyway's and reference-data tables. Asynchronous listeners of
	 * the previous test may still hold row locks: a deadlock with them is retried a few times.
	 */
	public static void truncateAll(JdbcTemplate jdbc) {
		for (int attempt = 1;; attempt++) {
			try {
				truncateOnce(jdbc);
				return;
			}
			catch (PessimisticLockingFailureException e) {
				if (attempt == 5) {
					throw e;
				}
				try {
					Thread.sleep(200L * attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw e;
				}
			}
		}
	}

	private static void truncateOnce(JdbcTemplate jdbc) {
		List<String> tables = jdbc.queryForList("""
				select quote_ident(c.relname)
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where c.relkind in ('r', 'p') and n.nspname = current_schema()
				  and c.relname not like 'flyway_schema_history%'
				  and coalesce(obj_description(c.oid, 'pg_class'), '') not ilike '%reference data%'
				  and not c.relispartition
				""", String.class);
		if (!tables.isEmpty()) {
			jdbc.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
		}
	}

	@Override
	public int getOrder() {
		return 1900;
	}
}
