package com.leadflow.analytics.readmodel;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.core.LeadTouched;
import com.leadflow.core.TouchAction;

/**
 * The dirty-lead queue keeps the marks of one call in one row (at most 1,000): a claim takes whole rows until it holds
 * a batch of marks, and gives them back in lead order with the touches that left them. The refresh worker is off.
 */
@SpringBootTest(properties = "leadflow.analytics.worker-enabled=false")
class DirtyLeadsTests {

	@Autowired
	DirtyLeads dirty;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	private List<DirtyLeads.Mark> claim(int limit, Duration settle) {
		return tx.execute(s -> dirty.claim(limit, settle));
	}

	@Test
	void aClaimTakesWholeRowsUntilItHoldsABatchOfMarks() {
		dirty.mark(LongStream.rangeClosed(1, 2500).map(i -> 2501 - i).boxed().toList()); // 2,500 leads, newest first

		then(jdbc.queryForList("select cardinality(lead_ids) from analytics_dirty", Integer.class))
			.containsExactlyInAnyOrder(1000, 1000, 500);
		then(dirty.pending()).isEqualTo(2500);

		List<DirtyLeads.Mark> first = claim(1500, Duration.ZERO);
		then(first).hasSize(2000).allSatisfy(m -> then(m.touch()).isNull());
		then(first).extracting(DirtyLeads.Mark::leadId).isSorted();
		then(dirty.pending()).isEqualTo(500);
		then(claim(1500, Duration.ZERO)).hasSize(500);
		then(claim(1500, Duration.ZERO)).isEmpty();
	}

	@Test
	void touchMarksComeBackWithTheirTouchesAndUnsettledRowsWait() {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		dirty.markTouched(List.of(new LeadTouched(7, 70, TouchAction.PAGE_VIEW, "EDM", 3L, at, false),
				new LeadTouched(5, 50, TouchAction.EMAIL_OPEN, null, null, at.minusSeconds(60), false),
				new LeadTouched(7, 71, TouchAction.WEBINAR_ATTEND, "WEBINAR", 4L, at.plusSeconds(1), false)));
		dirty.mark(List.of(5L));

		then(claim(100, Duration.ofMinutes(1))).as("not settled yet").isEmpty();
		then(claim(100, Duration.ZERO)).containsExactly(
				new DirtyLeads.Mark(5, new DirtyLeads.Touch(at.minusSeconds(60), null, null, TouchAction.EMAIL_OPEN)),
				new DirtyLeads.Mark(5, null),
				new DirtyLeads.Mark(7, new DirtyLeads.Touch(at, 3L, "EDM", TouchAction.PAGE_VIEW)),
				new DirtyLeads.Mark(7, new DirtyLeads.Touch(at.plusSeconds(1), 4L, "WEBINAR", TouchAction.WEBINAR_ATTEND)));
		then(jdbc.queryForObject("select count(*) from analytics_dirty", Long.class)).isZero();
	}
}
