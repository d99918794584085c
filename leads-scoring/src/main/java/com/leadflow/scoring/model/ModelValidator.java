package com.leadflow.scoring.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.leadflow.core.TouchAction;
import com.leadflow.scoring.model.ModelDefinition.ActionOverride;
import com.leadflow.scoring.model.ModelDefinition.ActionRule;
import com.leadflow.scoring.model.ModelDefinition.FitCriterion;
import com.leadflow.scoring.model.ModelDefinition.ScoreGroup;

/**
 * Checks a model definition and names every wrong field ({@code groups[0].behaviour.actions[2].action}): known action
 * types, attributes and match kinds, points within ±{@value #MAX_POINTS}, ascending band and grade thresholds,
 * positive half-life, caps and minute steps.
 */
public final class ModelValidator {

	public static final int MAX_POINTS = 1000;

	private static final Set<String> ATTRIBUTES = Set.of("BUDGET", "AUTHORITY", "NEED", "TIMEFRAME", "TITLE",
			"COMPANY_SIZE", "INDUSTRY", "REGION", "EXISTING_CUSTOMER");

	private static final Set<String> MATCHES = Set.of("EQUALS", "CONTAINS", "BETWEEN", "PRESENT", "ABSENT");

	private static final Set<String> ACTIONS = Arrays.stream(TouchAction.values())
		.map(Enum::name)
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	/** One wrong field. */
	public record Violation(String field, String message) {
	}

	private ModelValidator() {
	}

	public static List<Violation> validate(ModelDefinition definition) {
		List<Violation> v = new ArrayList<>();
		if (definition == null || definition.groups().isEmpty()) {
			v.add(new Violation("definition.groups", "a model needs at least one score group"));
			return v;
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < definition.groups().size(); i++) {
			ScoreGroup g = definition.groups().get(i);
			String p = "definition.groups[" + i + "]";
			if (g == null) {
				v.add(new Violation(p, "must not be null"));
				continue;
			}
			if (g.name() == null || !g.name().matches("[a-z0-9][a-z0-9_-]{0,39}")) {
				v.add(new Violation(p + ".name", "1-40 lower-case letters, digits, '-' or '_'"));
			}
			else if (!names.add(g.name())) {
				v.add(new Violation(p + ".name", "duplicate group name '" + g.name() + "'"));
			}
			fit(g.fit(), p + ".fit", v);
			behaviour(g, p + ".behaviour", v);
			if (g.bands().warmFrom() == null || g.bands().hotAbove() == null) {
				v.add(new Violation(p + ".bands", "warmFrom and hotAbove are required"));
			}
			else if (g.bands().warmFrom() > g.bands().hotAbove()) {
				v.add(new Violation(p + ".bands.hotAbove", "thresholds must ascend: hotAbove must be ≥ warmFrom ("
						+ g.bands().warmFrom() + ")"));
			}
			if (g.grades().a() == null || g.grades().b() == null || g.grades().c() == null) {
				v.add(new Violation(p + ".grades", "a, b and c are required"));
			}
			else if (!(g.grades().c() < g.grades().b() && g.grades().b() < g.grades().a())) {
				v.add(new Violation(p + ".grades", "thresholds must ascend: c < b < a"));
			}
		}
		return v;
	}

	private static void fit(List<FitCriterion> criteria, String path, List<Violation> v) {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < criteria.size(); i++) {
			FitCriterion c = criteria.get(i);
			String p = path + "[" + i + "]";
			if (c == null) {
				v.add(new Violation(p, "must not be null"));
				continue;
			}
			if (c.id() == null || c.id().isBlank()) {
				v.add(new Violation(p + ".id", "must not be blank"));
			}
			else if (!ids.add(c.id())) {
				v.add(new Violation(p + ".id", "duplicate criterion id '" + c.id() + "'"));
			}
			if (!known(ATTRIBUTES, c.attribute())) {
				v.add(new Violation(p + ".attribute", "unknown attribute '" + c.attribute() + "', expected one of "
						+ sorted(ATTRIBUTES)));
			}
			if (!known(MATCHES, c.match())) {
				v.add(new Violation(p + ".match", "unknown match '" + c.match() + "', expected one of " + sorted(MATCHES)));
			}
			else {
				String m = c.match().strip().toUpperCase(Locale.ROOT);
				if ((m.equals("EQUALS") || m.equals("CONTAINS")) && c.values().isEmpty()) {
					v.add(new Violation(p + ".values", "needs at least one value for " + m));
				}
				if (c.values().stream().anyMatch(s -> s == null || s.isBlank())) {
					v.add(new Violation(p + ".values", "values must not be blank"));
				}
				if (m.equals("BETWEEN")) {
					if (c.min() == null && c.max() == null) {
						v.add(new Violation(p + ".min", "BETWEEN needs min, max or both"));
					}
					else if (c.min() != null && c.max() != null && c.min() > c.max()) {
						v.add(new Violation(p + ".max", "must be ≥ min"));
					}
				}
			}
			points(c.points(), p + ".points", true, v);
		}
	}

	private static void behaviour(ScoreGroup g, String path, List<Violation> v) {
		var b = g.behaviour();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < b.actions().size(); i++) {
			ActionRule r = b.actions().get(i);
			String p = path + ".actions[" + i + "]";
			if (r == null) {
				v.add(new Violation(p, "must not be null"));
				continue;
			}
			if (!known(ACTIONS, r.action())) {
				v.add(new Violation(p + ".action", "unknown action type '" + r.action() + "'"));
			}
			else if (!seen.add(r.action().strip().toUpperCase(Locale.ROOT))) {
				v.add(new Violation(p + ".action", "action type '" + r.action() + "' appears twice"));
			}
			points(r.points(), p + ".points", true, v);
			points(r.pointsPerStep(), p + ".pointsPerStep", false, v);
			if (r.pointsPerStep() != null && r.pointsPerStep() != 0
					&& (r.minutesPerStep() == null || r.minutesPerStep() <= 0)) {
				v.add(new Violation(p + ".minutesPerStep", "must be > 0 when pointsPerStep is set"));
			}
			if (r.minutesPerStep() != null && r.minutesPerStep() <= 0) {
				v.add(new Violation(p + ".minutesPerStep", "must be > 0"));
			}
			if (r.maxSteps() != null && r.maxSteps() <= 0) {
				v.add(new Violation(p + ".maxSteps", "must be > 0"));
			}
			if (r.cap() != null && (r.cap() <= 0 || r.cap() > MAX_POINTS * 10)) {
				v.add(new Violation(p + ".cap", "must be between 1 and " + MAX_POINTS * 10));
			}
			if (r.capPeriodDays() != null && (r.capPeriodDays() <= 0 || r.capPeriodDays() > 3650)) {
				v.add(new Violation(p + ".capPeriodDays", "must be between 1 and 3650"));
			}
		}
		for (int i = 0; i < b.overrides().size(); i++) {
			ActionOverride o = b.overrides().get(i);
			String p = path + ".overrides[" + i + "]";
			if (o == null) {
				v.add(new Violation(p, "must not be null"));
				continue;
			}
			if (!known(ACTIONS, o.action())) {
				v.add(new Violation(p + ".action", "unknown action type '" + o.action() + "'"));
			}
			else if (!seen.contains(o.action().strip().toUpperCase(Locale.ROOT))) {
				v.add(new Violation(p + ".action", "no rule for action type '" + o.action() + "' to override"));
			}
			if (o.channel() == null && o.contentId() == null) {
				v.add(new Violation(p + ".channel", "an override needs a channel, a contentId or both"));
			}
			points(o.points(), p + ".points", true, v);
		}
		if (b.halfLifeDays() != null && !(b.halfLifeDays() > 0 && b.halfLifeDays() <= 3650)) {
			v.add(new Violation(path + ".halfLifeDays", "must be between 0 (exclusive) and 3650 days"));
		}
		points(b.competitorPoints(), path + ".competitorPoints", false, v);
	}

	private static void points(Integer points, String field, boolean required, List<Violation> v) {
		if (points == null) {
			if (required) {
				v.add(new Violation(field, "is required"));
			}
		}
		else if (Math.abs(points) > MAX_POINTS) {
			v.add(new Violation(field, "must be between -" + MAX_POINTS + " and " + MAX_POINTS));
		}
	}

	private static boolean known(Set<String> names, String value) {
		return value != null && names.contains(value.strip().toUpperCase(Locale.ROOT));
	}

	private static List<String> sorted(Set<String> names) {
		return names.stream().sorted().toList();
	}
}
