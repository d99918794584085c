package com.leadflow.scoring.lead;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of scoring ({@code leadflow.scoring.*}).
 * @param bulkBatchSize leads per transaction of a bulk re-score or a simulation batch (default 500)
 * @param refreshEvery how often every lead is re-scored so that decay shows in stored scores and bands even without
 * new touches (default one day; 0 turns it off)
 */
@ConfigurationProperties("leadflow.scoring")
public record ScoringProperties(@DefaultValue("500") int bulkBatchSize, @DefaultValue("P1D") Duration refreshEvery) {
}
