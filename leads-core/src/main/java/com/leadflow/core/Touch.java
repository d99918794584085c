package com.leadflow.core;

import java.time.Instant;
import java.util.Map;

/** One touch of a lead's timeline. */
public record Touch(long id, long leadId, TouchAction action, String channel, Long seriesId, Instant occurredAt,
		Integer minutes, String contentId, Map<String, Object> payload) {
}
