package com.leadflow.scoring.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.Touch;
import com.leadflow.core.TouchAction;
import com.leadflow.scoring.FitGrade;
import com.leadflow.scoring.GroupScore;
import com.leadflow.scoring.ScoreBand;
import com.leadflow.scoring.ScoreLine;
import com.leadflow.scoring.engine.CompiledModel.Action;
import com.leadflow.scoring.engine.CompiledModel.Criterion;
import com.leadflow.scoring.engine.CompiledModel.Group;

/**
 * The scoring function: pure and allocation-light, so bulk re-scoring and simulation can call it millions of times.
 * Fit = sum of matching criteria. Behaviour = per touch: base points (or override) + minutes steps, trimmed by the
 * action's cap per period (periods counted back from {@code now}), times {@code 0.5^(age / half-life)}. Lines carry
 * figures only (every touch re-scores its lead, and the words would be written with each); {@link #explain} puts
 * them in words when a score is shown.
 */
public final class ScoringEngine {

	private static final double DAY_SECONDS = 86_400.0;

	/** The part of a fit criterion's line; every other line is of the behaviour part. */
	public static final String FIT = "FIT";

	private static final String BEHAVIOUR = "BEHAVIOUR";

	private static final String ADJUSTMENT = "ADJUSTMENT";

	private static final String COMPETITOR_DOMAIN = "COMPETITOR_DOMAIN";

	private ScoringEngine() {
	}

	/** Scores a lead in every group of the model; {@code recycled} may be null. */
	public static ModelScore score(CompiledModel model, LeadSnapshot lead, List<Touch> touches, Instant now,
			Recycled recycled) {
		List<GroupScore> groups = new ArrayList<>(model.groups().size());
		for (Group group : model.groups()) {
			groups.add(scoreGroup(group, lead, touches, now, recycled));
		}
		return new ModelScore(model.modelId(), model.scope(), model.version(), groups);
	}

	/** A group's behaviour part alone: its points (unrounded, as a total adds them) and its lines. */
	public record BehaviourPart(Group group, double points, List<ScoreLine> lines) {
	}

	/**
	 * The behaviour part of every group of a model, for a lead whose fit part is stored and still holds: the same
	 * points and lines as {@link #score} gives for that part. For models whose groups read no e-mail address (the
	 * competitor-domain line needs the lead's profile).
	 */
	public static List<BehaviourPart> behaviour(CompiledModel model, List<Touch> touches, Instant now,
			Recycled recycled) {
		List<BehaviourPart> parts = new ArrayList<>(model.groups().size());
		for (Group group : model.groups()) {
			if (group.readsEmails()) {
				throw new IllegalArgumentException("group " + group.name() + " reads e-mail addresses: score in full");
			}
			List<ScoreLine> lines = new ArrayList<>();
			parts.add(new BehaviourPart(group, behaviour(group, null, touches, now, recycled, lines), lines));
		}
		return parts;
	}

	static GroupScore scoreGroup(Group group, LeadSnapshot lead, List<Touch> touches, Instant now, Recycled recycled) {
		List<ScoreLine> lines = new ArrayList<>();
		double fit = 0;
		for (Criterion c : group.criteria()) {
			if (matches(c, lead)) {
				fit += c.points();
				lines.add(new ScoreLine(FIT, c.id(), 1, c.points(), 0, c.points(), null));
			}
		}
		double behaviour = behaviour(group, lead, touches, now, recycled, lines);
		int total = (int) Math.round(fit + behaviour);
		return new GroupScore(group.name(), total, band(total, group.warmFrom(), group.hotAbove()), round2(fit),
				grade(fit, group), round2(behaviour), lines);
	}

	private static double behaviour(Group group, LeadSnapshot lead, List<Touch> touches, Instant now,
			Recycled recycled, List<ScoreLine> lines) {
		Map<TouchAction, double[]> perAction = new EnumMap<>(TouchAction.class); // count, raw, capped, value
		Map<Long, Double> capUsed = new HashMap<>();
		double beforeRecycle = 0;
		List<Touch> ordered = touches;
		if (!isOrdered(touches)) {
			ordered = new ArrayList<>(touches);
			ordered.sort(Comparator.comparing(Touch::occurredAt));
		}
		for (Touch t : ordered) {
			Action rule = group.actions().get(t.action());
			if (rule == null) {
				continue;
			}
			double raw = rule.basePoints(t.channel(), t.contentId());
			if (rule.minutesPerStep() > 0 && t.minutes() != null && t.minutes() > 0) {
				raw += (double) Math.min(t.minutes() / rule.minutesPerStep(), rule.maxSteps()) * rule.pointsPerStep();
			}
			double ageSeconds = Math.max(0, now.getEpochSecond() - t.occurredAt().getEpochSecond());
			double allowed = raw;
			if (rule.cap() != null && raw > 0) {
				long window = (long) Math.floor(ageSeconds / (rule.capPeriodDays() * DAY_SECONDS));
				long key = ((long) t.action().ordinal() << 40) | window;
				double used = capUsed.getOrDefault(key, 0.0);
				allowed = Math.max(0, Math.min(raw, rule.cap() - used));
				capUsed.put(key, used + allowed);
			}
			double decay = rule.decays() && group.halfLifeDays() != null
					? Math.pow(0.5, ageSeconds / DAY_SECONDS / group.halfLifeDays()) : 1.0;
			double value = allowed * decay;
			if (recycled != null && t.occurredAt().isBefore(recycled.at())) {
				beforeRecycle += value;
			}
			double[] sums = perAction.computeIfAbsent(t.action(), a -> new double[4]);
			sums[0]++;
			sums[1] += raw;
			sums[2] += raw - allowed;
			sums[3] += value;
		}
		double total = 0;
		for (Map.Entry<TouchAction, double[]> e : perAction.entrySet()) {
			double[] s = e.getValue();
			total += s[3];
			lines.add(new ScoreLine(BEHAVIOUR, e.getKey().name(), (int) s[0], round2(s[1]), round2(s[2]), round2(s[3]),
					null));
		}
		if (group.readsEmails() && hasCompetitorEmail(lead, group)) {
			total += group.competitorPoints();
			lines.add(new ScoreLine(BEHAVIOUR, COMPETITOR_DOMAIN, 1, group.competitorPoints(), 0,
					group.competitorPoints(), null));
		}
		if (recycled != null && beforeRecycle != 0) {
			double removed = beforeRecycle * (1 - recycled.keepFraction());
			total -= removed;
			lines.add(new ScoreLine(ADJUSTMENT, "RECYCLED", 1, 0, 0, round2(-removed),
					String.format(Locale.ROOT, "recycled on %s (%s): behaviour points earned before it %s (%s)",
							recycled.at(), recycled.reason(),
							recycled.keepFraction() == 0 ? "reset to 0"
									: "kept at " + Math.round(recycled.keepFraction() * 100) + "%",
							signed(-removed))));
		}
		return total;
	}

	/**
	 * The lines of a score in words, from their figures and the group of the model that scored them (models are
	 * immutable once they score leads): a criterion's label and points, an action's count, points, cap and decay.
	 * Lines that already say something (a recycling, which names its date and reason) are kept as they are.
	 */
	public static List<ScoreLine> explain(Group group, List<ScoreLine> lines) {
		List<ScoreLine> explained = new ArrayList<>(lines.size());
		for (ScoreLine l : lines) {
			explained.add(l.explanation() != null ? l
					: new ScoreLine(l.part(), l.key(), l.count(), l.rawPoints(), l.cappedPoints(), l.points(),
							explanation(group, l)));
		}
		return explained;
	}

	private static String explanation(Group group, ScoreLine l) {
		if (FIT.equals(l.part())) {
			String label = group.criteria().stream().filter(c -> c.id().equals(l.key())).map(Criterion::label)
				.findFirst().orElse(l.key());
			return label + ": " + signed(l.points());
		}
		if (COMPETITOR_DOMAIN.equals(l.key())) {
			return "e-mail address at a competitor's domain: " + signed(l.points());
		}
		StringBuilder b = new StringBuilder().append(l.key()).append(" ×").append(l.count()).append(": ")
			.append(fmt(l.rawPoints())).append(" points");
		if (l.cappedPoints() > 0) {
			b.append(", ").append(fmt(l.cappedPoints())).append(" over the cap");
		}
		if (Math.abs(l.points() - (l.rawPoints() - l.cappedPoints())) > 0.005) {
			b.append(", ").append(fmt(l.points())).append(" after decay (half-life ").append(fmt(group.halfLifeDays()))
				.append(" days)");
		}
		return b.toString();
	}

	static boolean matches(Criterion c, LeadSnapshot lead) {
		String text = LeadFacts.text(lead, c.attribute());
		boolean present = text != null && !text.isBlank();
		return switch (c.match()) {
			case PRESENT -> present;
			case ABSENT -> !present;
			case EQUALS -> present && equalsAny(text.strip().toLowerCase(Locale.ROOT), c.values());
			case CONTAINS -> present && containsAny(text.toLowerCase(Locale.ROOT), c.values());
			case BETWEEN -> {
				Double n = LeadFacts.number(text, c.attribute());
				yield n != null && (c.min() == null || n >= c.min()) && (c.max() == null || n <= c.max());
			}
		};
	}

	private static boolean equalsAny(String text, List<String> values) {
		if (values.contains(text)) {
			return true;
		}
		if (text.contains(" | ")) {
			for (String part : text.split(" \\| ")) {
				if (values.contains(part)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean containsAny(String text, List<String> keywords) {
		for (String k : keywords) {
			if (text.contains(k)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasCompetitorEmail(LeadSnapshot lead, Group group) {
		if (lead.emails() == null) {
			return false;
		}
		for (String email : lead.emails()) {
			int at = email.lastIndexOf('@');
			if (at >= 0 && group.competitorDomains().contains(email.substring(at + 1).toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	/** Cool below warmFrom ≤ Warm ≤ hotAbove below Hot. */
	public static ScoreBand band(int total, int warmFrom, int hotAbove) {
		if (total > hotAbove) {
			return ScoreBand.HOT;
		}
		return total >= warmFrom ? ScoreBand.WARM : ScoreBand.COOL;
	}

	static FitGrade grade(double fit, Group group) {
		if (fit >= group.gradeA()) {
			return FitGrade.A;
		}
		if (fit >= group.gradeB()) {
			return FitGrade.B;
		}
		return fit >= group.gradeC() ? FitGrade.C : FitGrade.D;
	}

	private static boolean isOrdered(List<Touch> touches) {
		for (int i = 1; i < touches.size(); i++) {
			if (touches.get(i).occurredAt().isBefore(touches.get(i - 1).occurredAt())) {
				return false;
			}
		}
		return true;
	}

	/** Rounded to cents, as scores store their points. */
	public static double round2(double v) {
		return Math.round(v * 100) / 100.0;
	}

	private static String fmt(Double v) {
		return v == null ? "-" : (v == Math.rint(v) ? Long.toString(v.longValue()) : String.format(Locale.ROOT, "%.2f", v));
	}

	private static String signed(double v) {
		return (v >= 0 ? "+" : "") + fmt(v);
	}
}
