package com.leadflow.platform.events;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands failed events to their listeners again. A listener that fails (a deadlock with a concurrent merge, the
 * database briefly away) leaves its publication FAILED in {@code event_publication}; without this it would wait for
 * the next restart, and the lead would miss its score, routing or nurture step until then. Each publication is tried
 * up to {@code leadflow.events.max-attempts} times, then left FAILED for an operator to look at.
 */
@Component
class FailedListenerRetry {

	private final FailedEventPublications failed;

	private final int maxAttempts;

	FailedListenerRetry(FailedEventPublications failed, @Value("${leadflow.events.max-attempts}") int maxAttempts) {
		this.failed = failed;
		this.maxAttempts = maxAttempts;
	}

	@Scheduled(initialDelayString = "${leadflow.events.retry-every}", fixedDelayString = "${leadflow.events.retry-every}")
	void resubmit() {
		failed.resubmit(ResubmissionOptions.defaults()
			.withMinAge(Duration.ofSeconds(1))
			.withBatchSize(200)
			.withFilter(publication -> publication.getCompletionAttempts() < maxAttempts));
	}
}
