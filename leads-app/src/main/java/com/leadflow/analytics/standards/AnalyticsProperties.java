package com.leadflow.analytics.standards;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the analytics module ({@code leadflow.analytics.*}). The standards (completeness, collection, target)
 * are defaults here and changed at run time through {@code PUT /api/analytics/standards}.
 *
 * @param zone the business time zone: days of cohorts, snapshots and months of the stale rule
 * @param refreshInterval how often a node looks for leads whose facts must be recomputed
 * @param batchSize queue marks claimed per transaction (each lead recomputed once however often it was marked)
 * @param settle how long a mark waits before it is claimed, so that the marks of one lead that come in a burst (a new
 *        lead: its arrival, first band and first stage) make one recomputation
 * @param workerEnabled whether this node recomputes facts (off only in special set-ups)
 * @param snapshotCron when the daily visibility and band snapshot is taken (in {@code zone})
 * @param target default visibility target (0.80–0.90)
 * @param nearMargin a segment within this much below the target is NEAR, further below is BELOW
 * @param completeness default completeness standard: fields, alternatives joined by {@code |}
 * @param staleAfterMonths default "no touch for N months" of the upkeep rules
 * @param longNurturedAfterDays default age from which a nurtured lead counts as long-nurtured
 * @param salesTouchActions touches that count as a sales touch (leak report)
 * @param phoneDeadOutcomes call outcomes (touch payload {@code outcome}) meaning the number is out of service
 * @param dealAmountAttribute the lead attribute holding the amount of a won deal (won revenue)
 */
@ConfigurationProperties("leadflow.analytics")
public record AnalyticsProperties(@DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("500ms") Duration refreshInterval, @DefaultValue("2000") int batchSize,
		@DefaultValue("1s") Duration settle,
		@DefaultValue("true") boolean workerEnabled, @DefaultValue("0 55 23 * * *") String snapshotCron,
		@DefaultValue("0.85") double target, @DefaultValue("0.05") double nearMargin,
		@DefaultValue({ "NAME", "MOBILE|EMAIL", "COMPANY", "TITLE", "INDUSTRY", "REGION" }) List<String> completeness,
		@DefaultValue("12") int staleAfterMonths, @DefaultValue("90") int longNurturedAfterDays,
		@DefaultValue({ "CALL", "SALES_NOTE" }) List<String> salesTouchActions,
		@DefaultValue({ "OUT_OF_SERVICE", "INVALID_NUMBER", "NOT_IN_SERVICE", "空号", "停机" }) List<String> phoneDeadOutcomes,
		@DefaultValue("dealAmount") String dealAmountAttribute) {
}
