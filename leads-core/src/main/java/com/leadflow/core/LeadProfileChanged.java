package com.leadflow.core;

/** A lead's profile fields (person or company) changed. */
public record LeadProfileChanged(long leadId) {
}
