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
	 * Truncates every table of the current schema but Flyway's and reference-data tables. Background work of earlier
	 * tests (event listeners, schedulers) may still hold locks that a truncation waits for in another order: it waits
	 * for them to finish first, and retries when the database still picks the truncation as a deadlock victim.
	 */
	public static void truncateAll(JdbcTemplate jdbc) {
		List<String> tables = jdbc.queryForList("""
				select quote_ident(c.relname)
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where c.relkind in ('r', 'p') and n.nspname = current_schema()
				  and c.relname not like 'flyway_schema_history%'
				  and coalesce(obj_description(c.oid, 'pg_class'), '') not ilike '%reference data%'
				  and not c.relispartition
				""", String.class);
		if (tables.isEmpty()) {
			return;
		}
		for (int attempt = 1;; attempt++) {
			awaitQuietDatabase(jdbc);
			try {
				jdbc.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
				return;
			}
			catch (PessimisticLockingFailureException e) {
				if (attempt == 5) {
					throw e;
				}
			}
		}
	}

	/** Waits (up to 3 s) until no other session of this database is inside a transaction. */
	private static void awaitQuietDatabase(JdbcTemplate jdbc) {
		long deadline = System.nanoTime() + 3_000_000_000L;
		while (System.nanoTime() < deadline && jdbc.queryForObject("""
				select count(*) from pg_stat_activity
				where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null""",
				Long.class) > 0) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public int getOrder() {
		return 1900;
	}
}
