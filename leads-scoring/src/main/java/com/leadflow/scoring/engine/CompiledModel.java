package com.leadflow.scoring.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.leadflow.core.TouchAction;
import com.leadflow.scoring.model.ModelDefinition;
import com.leadflow.scoring.model.ModelDefinition.ActionOverride;
import com.leadflow.scoring.model.ModelDefinition.ActionRule;
import com.leadflow.scoring.model.ModelDefinition.FitCriterion;
import com.leadflow.scoring.model.ModelDefinition.ScoreGroup;

/**
 * A validated model definition turned into fast lookup structures (enum maps, lower-cased values), built once per
 * model version and shared by every scoring call.
 */
public record CompiledModel(long modelId, String scope, int version, List<Group> groups) {

	public record Group(String name, List<Criterion> criteria, Map<TouchAction, Action> actions, Double halfLifeDays,
			Set<String> competitorDomains, int competitorPoints, int warmFrom, int hotAbove, int gradeA, int gradeB,
			int gradeC) {

		/** Whether a lead's e-mail addresses can change its score here (points for competitors' domains). */
		public boolean readsEmails() {
			return !competitorDomains.isEmpty() && competitorPoints != 0;
		}

		/** Whether a criterion looks at whether the lead is a known customer. */
		public boolean readsCustomerStatus() {
			return criteria.stream().anyMatch(c -> c.attribute() == Attribute.EXISTING_CUSTOMER);
		}
	}

	public record Criterion(String id, String label, Attribute attribute, Match match, List<String> values, Double min,
			Double max, int points) {
	}

	public record Action(TouchAction action, int points, int minutesPerStep, int pointsPerStep, int maxSteps,
			Integer cap, int capPeriodDays, boolean decays, List<ActionOverride> overrides) {

		/** Base points of a touch: the most specific override (content and channel, content, channel), else the rule. */
		int basePoints(String channel, String contentId) {
			int best = -1;
			int points = this.points;
			for (ActionOverride o : overrides) {
				boolean contentOk = o.contentId() == null || o.contentId().equalsIgnoreCase(contentId);
				boolean channelOk = o.channel() == null || o.channel().equalsIgnoreCase(channel);
				if (contentOk && channelOk) {
					int specificity = (o.contentId() != null ? 2 : 0) + (o.channel() != null ? 1 : 0);
					if (specificity > best) {
						best = specificity;
						points = o.points();
					}
				}
			}
			return points;
		}
	}

	public enum Attribute {
		BUDGET, AUTHORITY, NEED, TIMEFRAME, TITLE, COMPANY_SIZE, INDUSTRY, REGION, EXISTING_CUSTOMER
	}

	public enum Match {
		EQUALS, CONTAINS, BETWEEN, PRESENT, ABSENT
	}

	/** Compiles a definition that {@code ModelValidator} accepted (throws on one it would reject). */
	public static CompiledModel compile(long modelId, String scope, int version, ModelDefinition definition) {
		List<Group> groups = new ArrayList<>();
		for (ScoreGroup g : definition.groups()) {
			List<Criterion> criteria = new ArrayList<>();
			for (FitCriterion c : g.fit()) {
				criteria.add(new Criterion(c.id(), c.label() == null ? c.id() : c.label(), enumOf(Attribute.class, c.attribute()),
						enumOf(Match.class, c.match()),
						c.values().stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList(), c.min(), c.max(),
						c.points()));
			}
			Map<TouchAction, Action> actions = new EnumMap<>(TouchAction.class);
			for (ActionRule r : g.behaviour().actions()) {
				TouchAction action = enumOf(TouchAction.class, r.action());
				List<ActionOverride> overrides = g.behaviour()
					.overrides()
					.stream()
					.filter(o -> enumOf(TouchAction.class, o.action()) == action)
					.toList();
				actions.put(action, new Action(action, r.points(), orZero(r.minutesPerStep()), orZero(r.pointsPerStep()),
						r.maxSteps() == null ? Integer.MAX_VALUE : r.maxSteps(), r.cap(),
						r.capPeriodDays() == null ? 30 : r.capPeriodDays(), r.decays() == null || r.decays(), overrides));
			}
			Set<String> domains = g.behaviour()
				.competitorDomains()
				.stream()
				.map(d -> d.strip().toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
			groups.add(new Group(g.name(), List.copyOf(criteria), actions, g.behaviour().halfLifeDays(), domains,
					orZero(g.behaviour().competitorPoints()), g.bands().warmFrom(), g.bands().hotAbove(),
					g.grades().a(), g.grades().b(), g.grades().c()));
		}
		return new CompiledModel(modelId, scope, version, List.copyOf(groups));
	}

	private static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

	static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
	}
}
