package com.leadflow.campaigns.ingestion;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.attribution.CampaignTouches;
import com.leadflow.campaigns.attribution.CampaignTouches.Recorded;
import com.leadflow.campaigns.series.SeriesCatalog;
import com.leadflow.campaigns.support.Problems;
import com.leadflow.core.Arrival;
import com.leadflow.core.ArrivalResult;
import com.leadflow.core.LeadPool;
import com.leadflow.core.Resolution;

/**
 * Brings channel touches into the lead pool, one or a batch at a time: each is tagged with its series (the default
 * series when none is named) and channel, carries the caller's idempotency key (prefixed {@code ingest:}) so a retried
 * request adds no second touch; an arrival that created its lead is recorded for attribution.
 */
@Service
public class IngestionService {

	/** The caller's arrival before its series is settled. {@code seriesId} null means the default series. */
	public record Ingest(Long seriesId, Channel channel, Arrival arrival) {
	}

	/**
	 * What happened to one arrival: stored (with the pool's outcome and what of it was not taken as given) or rejected
	 * (with field problems).
	 */
	public record Result(int index, String idempotencyKey, Resolution.Outcome outcome, Long leadId, Long touchId,
			List<String> matchedKeys, List<Resolution.Warning> warnings, List<Map<String, Object>> errors) {

		public boolean rejected() {
			return outcome == null;
		}
	}

	public static final String KEY_PREFIX = "ingest:";

	private final LeadPool pool;

	private final SeriesCatalog series;

	private final CampaignTouches touches;

	private final Clock clock;

	IngestionService(LeadPool pool, SeriesCatalog series, CampaignTouches touches, ObjectProvider<Clock> clock) {
		this.pool = pool;
		this.series = series;
		this.touches = touches;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** One arrival; invalid lead data throws the pool's 400 problem. */
	public Result ingest(Ingest ingest) {
		Arrival arrival = arrival(ingest, resolveSeries(ingest.seriesId(), "seriesId"));
		Resolution resolution = pool.resolve(arrival);
		if (resolution.outcome() == Resolution.Outcome.CREATED) {
			touches.record(List.of(recorded(ingest, arrival, resolution)));
		}
		return result(0, ingest, resolution);
	}

	/**
	 * A batch, resolved set-wise by the pool in one transaction: every arrival is stored or rejected on its own; a
	 * bad one does not stop the others.
	 */
	public List<Result> ingestAll(List<Ingest> batch) {
		List<Arrival> arrivals = new ArrayList<>(batch.size());
		Map<Long, Long> seriesIds = new HashMap<>(); // each series of the batch looked up once (null: the default)
		for (int i = 0; i < batch.size(); i++) {
			Long given = batch.get(i).seriesId();
			String field = "items[" + i + "].seriesId";
			long seriesId = seriesIds.computeIfAbsent(given, id -> resolveSeries(id, field));
			arrivals.add(arrival(batch.get(i), seriesId));
		}
		List<ArrivalResult> resolved = pool.resolveAll(arrivals);
		List<Result> results = new ArrayList<>(batch.size());
		List<Recorded> recorded = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			ArrivalResult r = resolved.get(i);
			if (r.ok()) {
				if (r.resolution().outcome() == Resolution.Outcome.CREATED) {
					recorded.add(recorded(batch.get(i), arrivals.get(i), r.resolution()));
				}
				results.add(result(i, batch.get(i), r.resolution()));
				continue;
			}
			List<Map<String, Object>> list = Problems.fieldProblems(r.rejected()).stream()
				.map(p -> Map.<String, Object>of("field", p.field(), "message", p.message()))
				.toList();
			results.add(new Result(i, batch.get(i).arrival().touch().idempotencyKey(), null, null, null, List.of(), List.of(), list));
		}
		touches.record(recorded);
		return results;
	}

	private long resolveSeries(Long seriesId, String field) {
		if (seriesId == null) {
			return series.defaultSeriesId();
		}
		if (series.find(seriesId).isEmpty()) {
			throw Problems.invalid(field, "no campaign series with id " + seriesId);
		}
		return seriesId;
	}

	/** The caller's arrival with its series, channel, time and prefixed idempotency key settled. */
	private Arrival arrival(Ingest ingest, long seriesId) {
		Arrival given = ingest.arrival();
		Arrival.TouchInput t = given.touch();
		String key = t.idempotencyKey();
		Instant at = t.occurredAt() == null ? clock.instant() : t.occurredAt();
		return new Arrival(given.person(), given.company(),
				new Arrival.TouchInput(t.action() == null ? ingest.channel().defaultAction() : t.action(),
						ingest.channel().name(), seriesId, at, t.minutes(), t.contentId(), t.payload(),
						key == null ? null : KEY_PREFIX + key),
				given.source() == null ? ingest.channel().name() : given.source(), given.strict());
	}

	/** An arrival that created its lead, for attribution (touches themselves are counted from the pool). */
	private static Recorded recorded(Ingest ingest, Arrival arrival, Resolution resolution) {
		return new Recorded(resolution.touchId(), resolution.leadId(), arrival.touch().seriesId(),
				ingest.channel().name(), true, null, null, arrival.touch().occurredAt());
	}

	private static Result result(int index, Ingest ingest, Resolution resolution) {
		return new Result(index, ingest.arrival().touch().idempotencyKey(), resolution.outcome(), resolution.leadId(),
				resolution.touchId(), resolution.matchedKeys(), resolution.warnings(), List.of());
	}
}
