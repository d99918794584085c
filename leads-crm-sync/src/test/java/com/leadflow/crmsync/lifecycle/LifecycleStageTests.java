package com.leadflow.crmsync.lifecycle;

import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.api.Test;

import com.leadflow.crmsync.LifecycleStage;

class LifecycleStageTests {

	@Test
	void theHappyPathRunsFromNewToWon() {
		LifecycleStage[] path = { LifecycleStage.NEW, LifecycleStage.NURTURING, LifecycleStage.MQL, LifecycleStage.SAL,
				LifecycleStage.SQL, LifecycleStage.OPPORTUNITY, LifecycleStage.WON };
		for (int i = 0; i + 1 < path.length; i++) {
			then(path[i].canMoveTo(path[i + 1])).as(path[i] + " -> " + path[i + 1]).isTrue();
		}
	}

	@Test
	void recycledLeadsOnlyReturnToNurturing() {
		then(LifecycleStage.RECYCLED.next()).containsExactly(LifecycleStage.NURTURING);
	}

	@Test
	void wonAndDisqualifiedAreFinal() {
		then(LifecycleStage.WON.next()).isEmpty();
		then(LifecycleStage.DISQUALIFIED.next()).isEmpty();
	}

	@Test
	void noStageSkipsQualificationOrMovesToItself() {
		then(LifecycleStage.NEW.canMoveTo(LifecycleStage.SQL)).isFalse();
		then(LifecycleStage.MQL.canMoveTo(LifecycleStage.OPPORTUNITY)).isFalse();
		for (LifecycleStage stage : LifecycleStage.values()) {
			then(stage.canMoveTo(stage)).as(stage.name()).isFalse();
		}
	}

	@Test
	void onlyDisqualifyingAndRecyclingNeedAReason() {
		then(LifecycleStage.values()).filteredOn(LifecycleStage::needsReason)
			.containsExactlyInAnyOrder(LifecycleStage.DISQUALIFIED, LifecycleStage.RECYCLED);
	}
}
