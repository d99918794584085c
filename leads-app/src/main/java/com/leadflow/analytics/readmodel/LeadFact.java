package com.leadflow.analytics.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What analytics keeps about one lead (a row of {@code analytics_lead}): its segment, present profile fields, upkeep
 * flags, stage and band, attributed series and channel (first and last touch; {@code hasAttributedTouch}: whether
 * any touch earns attribution, else both come from the first touch), when it first reached each funnel stage and how
 * long it spent in each. Its last touch is kept as a day (business zone): a touch on the day of the last one changes
 * nothing stored ({@link LeadFacts#moveLastTouch}); whether a lost lead was touched after the loss is kept apart.
 */
public record LeadFact(long leadId, String industry, String region, String sizeBand, String owner, Instant createdAt,
		LocalDate createdDay, LocalDate lastTouchDay, int lastTouchMonth, int presentMask, boolean emailBounced,
		boolean phoneDead, String stage, String band, Long firstSeriesId, String firstChannel, Long lastSeriesId,
		String lastChannel, boolean hasAttributedTouch, Instant mqlAt, Instant sqlAt, Instant oppAt, Instant wonAt,
		Instant nurturedAt, Instant lostAt, boolean touchedAfterLost, Instant lastSalesTouchAt, BigDecimal wonRevenue,
		StageTimes times) {

	/**
	 * Seconds spent in each funnel stage in closed periods, whether the lead ever was in it, and the open period.
	 * @param openStage the funnel stage the lead is in now (LEAD, MQL, SQL, OPPORTUNITY) or null
	 */
	public record StageTimes(BigDecimal secsLead, BigDecimal secsMql, BigDecimal secsSql, BigDecimal secsOpp,
			boolean inLead, boolean inMql, boolean inSql, boolean inOpp, String openStage, Instant openSince) {
	}
}
