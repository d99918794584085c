package com.leadflow.core;

/** A lead was removed from the pool (its arrivals were reverted): modules drop what they keep about it. */
public record LeadRemoved(long leadId) {
}
