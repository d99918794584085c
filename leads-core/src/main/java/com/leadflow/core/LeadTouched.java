package com.leadflow.core;

import java.time.Instant;

/** A touch was appended to a lead's timeline (published after commit to listeners). */
public record LeadTouched(long leadId, long touchId, TouchAction action, String channel, Long seriesId,
		Instant occurredAt, boolean leadCreated) {
}
