package com.leadflow.core;

/** A person's role in the buying committee (the A of BANT). */
public enum DecisionRole {
	DECISION_MAKER, INFLUENCER, USER, LEARNER
}
