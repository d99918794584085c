package com.leadflow.scoring.engine;

import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.within;

import org.junit.jupiter.api.Test;

class AucTests {

	@Test
	void perfectRankingIsOneAndReversedIsZero() {
		then(Auc.of(new double[] { 1, 2, 3, 4 }, new boolean[] { false, false, true, true })).isEqualTo(1.0);
		then(Auc.of(new double[] { 1, 2, 3, 4 }, new boolean[] { true, true, false, false })).isEqualTo(0.0);
	}

	@Test
	void tiesCountHalf() {
		// pairs (pos, neg): (5 vs 5) tie = 0.5, (5 vs 1) = 1, (3 vs 5) = 0, (3 vs 1) = 1 → 2.5 / 4
		then(Auc.of(new double[] { 5, 3, 5, 1 }, new boolean[] { true, true, false, false }))
			.isCloseTo(0.625, within(1e-12));
	}

	@Test
	void oneClassOnlyHasNoAuc() {
		then(Auc.of(new double[] { 1, 2 }, new boolean[] { true, true })).isNaN();
	}
}
