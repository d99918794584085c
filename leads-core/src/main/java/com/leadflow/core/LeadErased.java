package com.leadflow.core;

/** A data subject's personal data was erased; every module scrubs what it keeps about the lead. */
public record LeadErased(long leadId) {
}
