package com.leadflow.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A batch of arrivals resolved together ({@link LeadPool#resolveAll}): one event for all of them instead of one
 * {@link LeadTouched} (and {@link LeadProfileChanged}) per arrival, so that listeners can handle them set-wise.
 * Arrivals of a batch that needed the one-by-one path (merges, several rows of one person) publish their own
 * per-arrival events and are not in it. Stored in columns ({@link Stored}): the event publication registry keeps a
 * copy per listener, and a batch of 1,000 touches as a list of objects was about 140 kB of JSON each.
 * @param touches the touches appended, in the batch's order
 * @param profileChanged leads whose profile the batch changed (besides the new ones): a field, the company or a new
 *        identity key
 * @param consentChanged leads whose consents the batch changed (a form's grant, an unsubscribe)
 */
public record LeadsTouched(List<LeadTouched> touches, List<Long> profileChanged, List<Long> consentChanged) {

	public LeadsTouched {
		touches = List.copyOf(touches);
		profileChanged = List.copyOf(profileChanged);
		consentChanged = consentChanged == null ? List.of() : List.copyOf(consentChanged); // null: stored before it
	}

	/** The distinct leads of the batch (touched or changed), in first-seen order. */
	public List<Long> leadIds() {
		LinkedHashSet<Long> ids = new LinkedHashSet<>();
		touches.forEach(t -> ids.add(t.leadId()));
		ids.addAll(profileChanged);
		return List.copyOf(ids);
	}

	/**
	 * The stored form: one array per field of the touches, in the batch's order. Touch ids and instants are kept as
	 * differences from the previous touch's (ids of a batch are mostly consecutive), actions, channels and series as
	 * positions in lists of the batch's distinct values, new leads as the positions of their touches. {@code touches}
	 * is the form stored before (a list of objects), still read.
	 */
	record Stored(long[] leadIds, long[] touchIds, List<String> actions, int[] action, List<String> channels,
			int[] channel, List<Long> seriesIds, int[] series, long[] seconds, long[] nanos, int[] created,
			List<Long> profileChanged, List<Long> consentChanged, List<LeadTouched> touches) {
	}

	@JsonValue
	Stored stored() {
		int n = touches.size();
		long[] leadIds = new long[n], touchIds = new long[n], seconds = new long[n], nanos = new long[n];
		int[] action = new int[n], channel = new int[n], series = new int[n];
		Map<String, Integer> actions = new HashMap<>(), channels = new HashMap<>();
		Map<Long, Integer> seriesIds = new HashMap<>();
		List<Integer> created = new ArrayList<>();
		long touchId = 0, second = 0, nano = 0;
		for (int i = 0; i < n; i++) {
			LeadTouched t = touches.get(i);
			leadIds[i] = t.leadId();
			touchIds[i] = t.touchId() - touchId;
			touchId = t.touchId();
			action[i] = position(actions, t.action().name());
			channel[i] = position(channels, t.channel());
			series[i] = position(seriesIds, t.seriesId());
			seconds[i] = t.occurredAt().getEpochSecond() - second;
			nanos[i] = t.occurredAt().getNano() - nano;
			second = t.occurredAt().getEpochSecond();
			nano = t.occurredAt().getNano();
			if (t.leadCreated()) {
				created.add(i);
			}
		}
		return new Stored(leadIds, touchIds, inOrder(actions), action, inOrder(channels), channel, inOrder(seriesIds),
				series, seconds, nanos, created.stream().mapToInt(Integer::intValue).toArray(), profileChanged,
				consentChanged, null);
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static LeadsTouched of(Stored s) {
		if (s.touches() != null) {
			return new LeadsTouched(s.touches(), s.profileChanged(), s.consentChanged());
		}
		int n = s.leadIds().length;
		boolean[] created = new boolean[n];
		for (int i : s.created()) {
			created[i] = true;
		}
		List<LeadTouched> touches = new ArrayList<>(n);
		long touchId = 0, second = 0, nano = 0;
		for (int i = 0; i < n; i++) {
			touchId += s.touchIds()[i];
			second += s.seconds()[i];
			nano += s.nanos()[i];
			touches.add(new LeadTouched(s.leadIds()[i], touchId, TouchAction.valueOf(s.actions().get(s.action()[i])),
					s.channels().get(s.channel()[i]), s.seriesIds().get(s.series()[i]),
					Instant.ofEpochSecond(second, nano), created[i]));
		}
		return new LeadsTouched(touches, s.profileChanged(), s.consentChanged());
	}

	/** A value's position among the distinct values met so far (null is a value too). */
	private static <T> int position(Map<T, Integer> positions, T value) {
		return positions.computeIfAbsent(value, k -> positions.size());
	}

	private static <T> List<T> inOrder(Map<T, Integer> positions) {
		List<T> values = new ArrayList<>(Collections.nCopies(positions.size(), null));
		positions.forEach((value, i) -> values.set(i, value));
		return values;
	}
}
