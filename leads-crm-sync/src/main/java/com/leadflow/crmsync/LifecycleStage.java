package com.leadflow.crmsync;

import java.util.EnumSet;
import java.util.Set;

/**
 * The stages of a lead's lifecycle and the moves allowed between them. DISQUALIFIED and RECYCLED need a reason;
 * RECYCLED returns to NURTURING; WON and DISQUALIFIED are final.
 */
public enum LifecycleStage {

	NEW, NURTURING, MQL, SAL, SQL, OPPORTUNITY, WON, LOST, DISQUALIFIED, RECYCLED;

	/** The stages this stage may move to. */
	public Set<LifecycleStage> next() {
		return switch (this) {
			case NEW -> EnumSet.of(NURTURING, MQL, DISQUALIFIED);
			case NURTURING -> EnumSet.of(MQL, DISQUALIFIED);
			case MQL -> EnumSet.of(SAL, NURTURING, RECYCLED, DISQUALIFIED);
			case SAL -> EnumSet.of(SQL, RECYCLED, DISQUALIFIED);
			case SQL -> EnumSet.of(OPPORTUNITY, SAL, RECYCLED, DISQUALIFIED, LOST);
			case OPPORTUNITY -> EnumSet.of(WON, LOST, RECYCLED);
			case LOST -> EnumSet.of(RECYCLED);
			case RECYCLED -> EnumSet.of(NURTURING);
			case WON, DISQUALIFIED -> EnumSet.noneOf(LifecycleStage.class);
		};
	}

	public boolean canMoveTo(LifecycleStage to) {
		return next().contains(to);
	}

	/** Moves into these stages must say why. */
	public boolean needsReason() {
		return this == DISQUALIFIED || this == RECYCLED;
	}
}
