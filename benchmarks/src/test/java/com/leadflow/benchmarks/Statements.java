package com.leadflow.benchmarks;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the database's time went, for profiling a benchmark: with {@code -Dbench.statements=true} and
 * {@code -Dleadflow.embedded-pg.server-options="-c shared_preload_libraries=pg_stat_statements"},
 * {@link #print} lists the statements that took the most time since the last call (then forgets them). Off by
 * default: the extension costs a little on every statement.
 */
final class Statements {

	private static final boolean ON = Boolean.getBoolean("bench.statements");

	private Statements() {
	}

	static void reset(JdbcTemplate jdbc) {
		if (ON) {
			jdbc.execute("create extension if not exists pg_stat_statements");
			jdbc.execute("select pg_stat_statements_reset()");
		}
	}

	static void print(JdbcTemplate jdbc, String phase) {
		if (!ON) {
			return;
		}
		System.out.println("== statements by total time: " + phase);
		jdbc.query("""
				select round(total_exec_time) ms, calls, rows, shared_blks_hit, shared_blks_read,
				       left(regexp_replace(query, '\\s+', ' ', 'g'), 140) q
				from pg_stat_statements order by total_exec_time desc limit 20""",
				rs -> {
					System.out.printf("%9d ms %9d calls %10d rows %11d hit %10d read  %s%n", rs.getLong(1), rs.getLong(2),
							rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6));
				});
		System.out.println("== largest tables (heap, out-of-line TOAST, indexes)");
		jdbc.query("""
				select c.relname, pg_relation_size(c.oid), coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0),
				       pg_indexes_size(c.oid)
				from pg_class c where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
				order by pg_total_relation_size(c.oid) desc limit 10""",
				rs -> {
					System.out.printf("%-28s %,14d %,14d %,14d bytes%n", rs.getString(1), rs.getLong(2), rs.getLong(3),
							rs.getLong(4));
				});
		System.out.println("== row writes since the server started (inserts, updates, of which HOT, deletes)");
		jdbc.query("""
				select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del from pg_stat_user_tables
				order by n_tup_ins + n_tup_upd + n_tup_del desc limit 12""",
				rs -> {
					System.out.printf("%-28s %,12d %,12d %,12d %,12d%n", rs.getString(1), rs.getLong(2), rs.getLong(3),
							rs.getLong(4), rs.getLong(5));
				});
		jdbc.query("select wal_records, wal_fpi, wal_bytes from pg_stat_wal",
				rs -> {
					System.out.printf("== WAL since the server started: %,d records, %,d full pages, %,d bytes%n",
							rs.getLong(1), rs.getLong(2), rs.getLong(3));
				});
		reset(jdbc);
	}
}
