package com.leadflow.analytics.readmodel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.leadflow.analytics.readmodel.LeadFact.StageTimes;
import com.leadflow.analytics.standards.AnalyticsProperties;
import com.leadflow.analytics.standards.ProfileField;
import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.Touch;
import com.leadflow.core.TouchAction;
import com.leadflow.crmsync.LeadLifecycle.HistoryEntry;
import com.leadflow.crmsync.LeadLifecycle.LeadStage;
import com.leadflow.crmsync.LifecycleStage;
import com.leadflow.scoring.ScoreBand;

/** Computes a lead's fact from what the other modules' APIs say about it: a pure function, no I/O. */
public final class FactBuilder {

	/** The funnel stages, in order; each lifecycle stage counts towards at most one. */
	public enum FunnelStage {
		LEAD, MQL, SQL, OPPORTUNITY, WON
	}

	/** Touches that are neither marketing's nor sales' doing and never earn attribution. */
	private static final Set<TouchAction> NOT_ATTRIBUTED = Set.of(TouchAction.EMAIL_BOUNCE, TouchAction.UNSUBSCRIBE);

	private static final Set<TouchAction> EMAIL_STATE = Set.of(TouchAction.EMAIL_BOUNCE, TouchAction.EMAIL_OPEN,
			TouchAction.EMAIL_CLICK);

	private static final Set<TouchAction> CALLS = Set.of(TouchAction.CALL, TouchAction.CALL_INBOUND);

	private final ZoneId zone;

	private final Set<TouchAction> salesActions;

	private final Set<String> deadOutcomes;

	private final String dealAmountAttribute;

	public FactBuilder(AnalyticsProperties properties) {
		this.zone = properties.zone();
		this.salesActions = properties.salesTouchActions().stream().map(TouchAction::valueOf).collect(Collectors.toSet());
		this.deadOutcomes = properties.phoneDeadOutcomes().stream().map(FactBuilder::normal).collect(Collectors.toSet());
		this.dealAmountAttribute = properties.dealAmountAttribute();
	}

	public static FunnelStage funnelStage(LifecycleStage stage) {
		return switch (stage) {
			case NEW, NURTURING -> FunnelStage.LEAD;
			case MQL, SAL -> FunnelStage.MQL;
			case SQL -> FunnelStage.SQL;
			case OPPORTUNITY -> FunnelStage.OPPORTUNITY;
			case WON -> FunnelStage.WON;
			case LOST, DISQUALIFIED, RECYCLED -> null;
		};
	}

	public LeadFact build(LeadSnapshot lead, List<Touch> timeline, LeadStage lifecycle, Map<String, ScoreBand> bands) {
		List<Touch> touches = timeline.stream()
			.sorted(Comparator.comparing(Touch::occurredAt).thenComparingLong(Touch::id)).toList();
		Instant created = lead.createdAt();
		Instant lastTouch = touches.isEmpty() ? created : touches.getLast().occurredAt();

		// lifecycle: first time each funnel stage was reached (reaching a later stage implies the earlier ones)
		Map<FunnelStage, Instant> reached = new EnumMap<>(FunnelStage.class);
		Map<FunnelStage, BigDecimal> secs = new EnumMap<>(FunnelStage.class);
		Set<FunnelStage> visited = new java.util.HashSet<>();
		Instant nurtured = null;
		Instant lost = null;
		LifecycleStage current = LifecycleStage.NEW;
		Instant since = created;
		List<HistoryEntry> history = lifecycle == null ? List.of() : lifecycle.history();
		if (!history.isEmpty() && history.getFirst().from() != null) {
			current = history.getFirst().from();
		}
		for (HistoryEntry move : history) {
			close(current, since, move.at(), secs, visited);
			current = move.to();
			since = move.at();
			FunnelStage stage = funnelStage(move.to());
			if (stage != null) {
				for (FunnelStage s : FunnelStage.values()) {
					if (s.ordinal() > 0 && s.ordinal() <= stage.ordinal()) {
						reached.merge(s, move.at(), (a, b) -> a.isBefore(b) ? a : b);
					}
				}
			}
			if (nurtured == null && (move.to() == LifecycleStage.NURTURING || move.to() == LifecycleStage.RECYCLED)) {
				nurtured = move.at();
			}
			if (move.to() == LifecycleStage.LOST) {
				lost = move.at();
			}
		}
		if (lifecycle != null) {
			current = lifecycle.stage();
		}
		FunnelStage open = funnelStage(current);
		if (open == FunnelStage.WON) {
			open = null;
		}
		if (open != null) {
			visited.add(open);
		}
		Instant sqlAt = reached.get(FunnelStage.SQL);

		// touches: attribution, upkeep, sales touches
		Touch firstAttributed = touches.stream()
			.filter(t -> !NOT_ATTRIBUTED.contains(t.action()) && !salesActions.contains(t.action()))
			.findFirst().orElse(null);
		Touch first = firstAttributed != null || touches.isEmpty() ? firstAttributed : touches.getFirst();
		Touch last = touches.stream()
			.filter(t -> !NOT_ATTRIBUTED.contains(t.action()) && !salesActions.contains(t.action()))
			.filter(t -> sqlAt == null || !t.occurredAt().isAfter(sqlAt))
			.reduce((a, b) -> b).orElse(first);
		boolean bounced = touches.stream().filter(t -> EMAIL_STATE.contains(t.action())).reduce((a, b) -> b)
			.map(t -> t.action() == TouchAction.EMAIL_BOUNCE).orElse(false);
		boolean dead = touches.stream().filter(t -> CALLS.contains(t.action()) && outcome(t) != null).reduce((a, b) -> b)
			.map(t -> deadOutcomes.contains(outcome(t))).orElse(false);
		Instant lastSales = touches.stream().filter(t -> salesActions.contains(t.action())).map(Touch::occurredAt)
			.max(Comparator.naturalOrder()).orElse(null);

		ScoreBand band = bands.values().stream().max(Comparator.naturalOrder()).orElse(null);
		Instant wonAt = reached.get(FunnelStage.WON);
		StageTimes times = new StageTimes(secs.getOrDefault(FunnelStage.LEAD, BigDecimal.ZERO),
				secs.getOrDefault(FunnelStage.MQL, BigDecimal.ZERO), secs.getOrDefault(FunnelStage.SQL, BigDecimal.ZERO),
				secs.getOrDefault(FunnelStage.OPPORTUNITY, BigDecimal.ZERO), visited.contains(FunnelStage.LEAD),
				visited.contains(FunnelStage.MQL), visited.contains(FunnelStage.SQL),
				visited.contains(FunnelStage.OPPORTUNITY), open == null ? null : open.name(), open == null ? null : since);
		return new LeadFact(lead.id(), key(lead.industry()), key(lead.region()), key(lead.companySizeBand()),
				blankToNull(lead.owner()), created, created.atZone(zone).toLocalDate(), day(lastTouch),
				month(lastTouch), ProfileField.presentIn(lead), bounced, dead,
				current.name(), band == null ? null : band.name(), first == null ? null : first.seriesId(),
				first == null ? null : first.channel(), last == null ? null : last.seriesId(),
				last == null ? null : last.channel(), firstAttributed != null, reached.get(FunnelStage.MQL), sqlAt,
				reached.get(FunnelStage.OPPORTUNITY), wonAt, nurtured, lost, lost != null && lastTouch.isAfter(lost),
				lastSales,
				wonAt == null ? null : amount(lead.attributes().get(dealAmountAttribute)), times);
	}

	/**
	 * Whether a newer touch of this kind can change nothing of a fact but its last touch, its last series and channel
	 * and (e-mail opens and clicks) its bounce flag: no bounce, unsubscribe, call or sales touch.
	 */
	public boolean touchMovesOnlyLastTouch(TouchAction action) {
		return !NOT_ATTRIBUTED.contains(action) && !CALLS.contains(action) && !salesActions.contains(action);
	}

	/** Whether a touch of this kind sets the e-mail bounce flag (the newest of them decides it). */
	public static boolean emailState(TouchAction action) {
		return EMAIL_STATE.contains(action);
	}

	/** The day of an instant in the business zone, as stored in {@code last_touch_day}. */
	public LocalDate day(Instant at) {
		return at.atZone(zone).toLocalDate();
	}

	/** The month of an instant in the business zone, as stored in {@code last_touch_month} (yyyymm). */
	public int month(Instant at) {
		ZonedDateTime local = at.atZone(zone);
		return local.getYear() * 100 + local.getMonthValue();
	}

	/** Segment values are matched trimmed and lower-cased; unknown is the empty string. */
	public static String key(String value) {
		return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
	}

	private static void close(LifecycleStage stage, Instant from, Instant to, Map<FunnelStage, BigDecimal> secs,
			Set<FunnelStage> visited) {
		FunnelStage s = funnelStage(stage);
		if (s == null || s == FunnelStage.WON) {
			return;
		}
		visited.add(s);
		long millis = Math.max(0, Duration.between(from, to).toMillis());
		secs.merge(s, BigDecimal.valueOf(millis, 3), BigDecimal::add);
	}

	private static String outcome(Touch t) {
		Object value = t.payload() == null ? null : t.payload().get("outcome");
		return value == null ? null : normal(value.toString());
	}

	private static String normal(String s) {
		return s.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static BigDecimal amount(Object value) {
		if (value instanceof Number n) {
			return new BigDecimal(n.toString()).setScale(2, RoundingMode.HALF_UP);
		}
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value.toString().replaceAll("[,\\s¥$€]", "")).setScale(2, RoundingMode.HALF_UP);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
