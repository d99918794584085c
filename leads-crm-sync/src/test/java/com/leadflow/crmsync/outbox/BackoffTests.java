package com.leadflow.crmsync.outbox;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTests {

	@Test
	void doublesPerAttemptUpToTheCap() {
		Backoff noJitter = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 0.5, () -> 0.0);

		then(noJitter.after(1)).isEqualTo(Duration.ofSeconds(1));
		then(noJitter.after(2)).isEqualTo(Duration.ofSeconds(2));
		then(noJitter.after(4)).isEqualTo(Duration.ofSeconds(8));
		then(noJitter.after(5)).isEqualTo(Duration.ofSeconds(10));
		then(noJitter.after(40)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void jitterTakesOffAtMostItsShare() {
		Backoff fullJitter = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 0.5, () -> 1.0);
		Backoff halfway = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 0.5, () -> 0.5);

		then(fullJitter.after(3)).isEqualTo(Duration.ofSeconds(2));
		then(halfway.after(3)).isEqualTo(Duration.ofSeconds(3));
	}
}
