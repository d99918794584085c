package com.leadflow.crmsync;

/** Why a lead was disqualified for good (the reason of a move to DISQUALIFIED). */
public enum DisqualifyReason {
	WRONG_DATA, NO_INTENT, DUPLICATE, COMPETITOR_EMPLOYEE, STUDENT, SPAM, OTHER
}
