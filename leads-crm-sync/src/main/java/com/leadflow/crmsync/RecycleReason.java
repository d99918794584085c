package com.leadflow.crmsync;

/** Why a lead was handed back to nurturing (the reason of a move to RECYCLED). */
public enum RecycleReason {
	BUDGET, TIMING, PRICE, NO_AUTHORITY, COMPETITOR, NO_NEED, NO_RESPONSE, SLA_EXPIRED, OTHER
}
