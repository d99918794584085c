package com.leadflow.core;

/**
 * A person granted, refused or withdrew a consent outside an arrival (the privacy API: a preference centre, a DSAR
 * desk). Consents that arrive with a touch are announced by the touch's event ({@link LeadsTouched#consentChanged}).
 */
public record LeadConsentChanged(long leadId, ConsentPurpose purpose, boolean granted) {
}
