package com.leadflow.scoring.lead;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of scoring ({@code leadflow.scoring.*}).
 * @param bulkBatchSize leads per transaction of a bulk re-score or a simulation batch (default 500)
 */
@ConfigurationProperties("leadflow.scoring")
public record ScoringProperties(@DefaultValue("500") int bulkBatchSize) {
}
