package com.leadflow.analytics.funnel;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New vs long-nurtured conversion in a period: of the leads created in it, the share that became SQL in it; of the
 * leads older than N days at its start that were nurtured (or recycled) before its end and were not SQL before it,
 * the share that became SQL in it. Read from the conversion rollup (day created × first day nurtured × first day SQL).
 */
@Service
public class ConversionReport {

	public record Cohort(long leads, long sqls, BigDecimal sqlConversion) {
	}

	public record Conversion(LocalDate from, LocalDate to, int olderThanDays, Cohort newLeads, Cohort longNurtured) {
	}

	private final JdbcClient jdbc;

	ConversionReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Conversion of(LocalDate from, LocalDate to, int olderThanDays) {
		return jdbc.sql("""
				select coalesce(sum(leads) filter (where created_day between :from and :to), 0),
				       coalesce(sum(leads) filter (where created_day between :from and :to
				                                   and sql_day between :from and :to), 0),
				       coalesce(sum(leads) filter (where created_day < :old and nurtured_day <= :to
				                                   and (sql_day is null or sql_day >= :from)), 0),
				       coalesce(sum(leads) filter (where created_day < :old and nurtured_day <= :to
				                                   and sql_day between :from and :to), 0)
				from analytics_conversion_rollup where leads <> 0""")
			.param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.param("old", Date.valueOf(from.minusDays(olderThanDays)))
			.query((rs, i) -> new Conversion(from, to, olderThanDays, cohort(rs.getLong(1), rs.getLong(2)),
					cohort(rs.getLong(3), rs.getLong(4))))
			.single();
	}

	private static Cohort cohort(long leads, long sqls) {
		return new Cohort(leads, sqls, FunnelReport.ratio(sqls, leads));
	}
}
