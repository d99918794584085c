package com.leadflow.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A read-only view of one active lead and its company, for other modules (scoring, routing, reports). */
public record LeadSnapshot(long id, String name, String title, DecisionRole decisionRole, String region, String province,
		String city, String owner, String lifecycleStage, String budget, String need, String timeframe, Long companyId,
		String companyName, String industry, String companySizeBand, boolean existingCustomer, List<String> emails,
		List<String> phones, List<String> tags, Map<String, Object> attributes, Instant createdAt, Instant lastTouchAt) {
}
