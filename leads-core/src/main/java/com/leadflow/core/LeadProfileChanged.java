package com.leadflow.core;

/** A lead's profile changed: a field (person or company), or a new identity key (phone, e-mail, WeChat id). */
public record LeadProfileChanged(long leadId) {
}
