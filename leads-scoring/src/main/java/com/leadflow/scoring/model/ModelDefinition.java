package com.leadflow.scoring.model;

import java.util.List;

/**
 * What a scoring model says, stored as JSON: one or more named score groups (e.g. one per product line), each with
 * its own fit criteria, behaviour rules, bands and grades. Fields are loosely typed (strings, boxed numbers) so that
 * {@link ModelValidator} can name every wrong field instead of failing on the first.
 */
public record ModelDefinition(List<ScoreGroup> groups) {

	public ModelDefinition {
		groups = groups == null ? List.of() : groups;
	}

	/** One named score of a lead. */
	public record ScoreGroup(String name, List<FitCriterion> fit, Behaviour behaviour, Bands bands, Grades grades) {

		public ScoreGroup {
			fit = fit == null ? List.of() : fit;
			behaviour = behaviour == null ? new Behaviour(null, null, null, null, null) : behaviour;
			bands = bands == null ? new Bands(150, 300) : bands;
			grades = grades == null ? new Grades(150, 90, 40) : grades;
		}
	}

	/**
	 * A fit (BANT or profile) criterion: when the lead's {@code attribute} matches, the lead gets {@code points}
	 * (negative allowed).
	 * @param attribute BUDGET, AUTHORITY, NEED, TIMEFRAME, TITLE, COMPANY_SIZE, INDUSTRY, REGION, EXISTING_CUSTOMER
	 * @param match EQUALS (any of values, ignoring case), CONTAINS (any keyword), BETWEEN (number: budget amount,
	 * timeframe in whole months, company size; min and max inclusive, either may be absent), PRESENT, ABSENT
	 */
	public record FitCriterion(String id, String label, String attribute, String match, List<String> values,
			Double min, Double max, Integer points) {

		public FitCriterion {
			values = values == null ? List.of() : values;
		}
	}

	/**
	 * Behaviour rules.
	 * @param halfLifeDays behaviour points halve every this many days (null: no decay)
	 * @param competitorDomains e-mail domains of competitors; a lead with such an address gets competitorPoints
	 */
	public record Behaviour(List<ActionRule> actions, List<ActionOverride> overrides, Double halfLifeDays,
			List<String> competitorDomains, Integer competitorPoints) {

		public Behaviour {
			actions = actions == null ? List.of() : actions;
			overrides = overrides == null ? List.of() : overrides;
			competitorDomains = competitorDomains == null ? List.of() : competitorDomains;
		}
	}

	/**
	 * Points for one action type ({@code TouchAction} name): {@code points} per touch, plus {@code pointsPerStep} for
	 * every full {@code minutesPerStep} minutes watched (at most {@code maxSteps}); at most {@code cap} points per
	 * {@code capPeriodDays}; {@code decays=false} exempts the action from time decay (e.g. an unsubscribe).
	 */
	public record ActionRule(String action, Integer points, Integer minutesPerStep, Integer pointsPerStep,
			Integer maxSteps, Integer cap, Integer capPeriodDays, Boolean decays) {
	}

	/** Replaces an action's base points for touches of one channel and/or one content (most specific wins). */
	public record ActionOverride(String action, String channel, String contentId, Integer points) {
	}

	/** Cool below {@code warmFrom} ≤ Warm ≤ {@code hotAbove} below Hot. */
	public record Bands(Integer warmFrom, Integer hotAbove) {
	}

	/** Fit grade A from {@code a} fit points, B from {@code b}, C from {@code c}, else D. */
	public record Grades(Integer a, Integer b, Integer c) {
	}
}
