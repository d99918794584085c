package com.leadflow.crmsync;

/**
 * A lead moved from one lifecycle stage to another (published in the transaction that stored the move, delivered to
 * other modules after commit through Spring Modulith's registry).
 * @param reason why (required for DISQUALIFIED and RECYCLED, e.g. {@code BUDGET}), may be null otherwise
 * @param actor who moved it: a user, {@code crm}, {@code call-center} or {@code system:<job>}
 */
public record LeadStageChanged(long leadId, LifecycleStage from, LifecycleStage to, String reason, String actor) {
}
