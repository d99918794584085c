package com.leadflow.core;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * A batch's event as the event publication registry stores it (one copy per listener, read back when a listener
 * failed or the application stopped before it completed): in columns, small, and read back as it was.
 */
@SpringBootTest
class LeadsTouchedStorageTests {

	@Autowired
	EventSerializer serializer;

	@Test
	void aBatchIsStoredInColumnsAndReadBackAsItWas() {
		List<LeadTouched> touches = new ArrayList<>();
		Instant at = Instant.parse("2026-12-03T18:00:00.123456789Z");
		TouchAction[] actions = TouchAction.values();
		for (int i = 0; i < 1000; i++) {
			touches.add(new LeadTouched(100_000 + (i * 7919L) % 20_000, 5_000_000L + i + (i % 10 == 9 ? 3 : 0),
					actions[i % actions.length], i % 3 == 0 ? null : "CH" + i % 4, i % 5 == 0 ? null : (long) i % 3,
					at.plusNanos(i % 7 == 0 ? -i * 1_000_003L : i * 999L), i % 11 == 0));
		}
		LeadsTouched event = new LeadsTouched(touches, List.of(100_000L, 100_007L), List.of(100_014L));

		String stored = (String) serializer.serialize(event);

		then(serializer.deserialize(stored, LeadsTouched.class)).isEqualTo(event);
		then(stored.length()).as("stored bytes per touch").isLessThan(30 * touches.size());
	}

	@Test
	void anEventStoredInTheFormerShapeIsStillRead() {
		String stored = """
				{"touches":[{"leadId":7,"touchId":70,"action":"WEBINAR_ATTEND","channel":"WEBINAR","seriesId":3,\
				"occurredAt":"2026-12-01T08:00:00.5Z","leadCreated":true},{"leadId":8,"touchId":71,"action":"PAGE_VIEW",\
				"channel":null,"seriesId":null,"occurredAt":"2026-12-01T09:00:00Z","leadCreated":false}],\
				"profileChanged":[8]}""";

		then(serializer.deserialize(stored, LeadsTouched.class)).isEqualTo(new LeadsTouched(List.of(
				new LeadTouched(7, 70, TouchAction.WEBINAR_ATTEND, "WEBINAR", 3L, Instant.parse("2026-12-01T08:00:00.5Z"),
						true),
				new LeadTouched(8, 71, TouchAction.PAGE_VIEW, null, null, Instant.parse("2026-12-01T09:00:00Z"), false)),
				List.of(8L), List.of()));
	}
}
