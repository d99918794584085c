package com.leadflow.scoring.lead;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of scoring ({@code leadflow.scoring.*}).
 * @param incrementalThreads threads that re-score leads after their events (default 2)
 * @param bulkBatchSize leads per transaction of a bulk re-score (default 500)
 */
@ConfigurationProperties("leadflow.scoring")
public record ScoringProperties(@DefaultValue("2") int incrementalThreads, @DefaultValue("500") int bulkBatchSize) {
}
