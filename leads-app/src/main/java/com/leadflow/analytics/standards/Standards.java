package com.leadflow.analytics.standards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.leadflow.analytics.support.Problems;
import com.leadflow.analytics.support.Problems.FieldProblem;
import com.leadflow.crmsync.LifecycleStage;

/**
 * What the business agreed on: the visibility target, which fields make a profile complete, which fields must be
 * collected by each lifecycle stage, and the upkeep and nurture thresholds.
 *
 * @param completeness requirements, e.g. {@code ["NAME", "MOBILE|EMAIL", "COMPANY"]}
 * @param collection per lifecycle stage, the requirements a lead at that stage must meet
 */
public record Standards(double target, List<String> completeness, Map<String, List<String>> collection,
		int staleAfterMonths, int longNurturedAfterDays) {

	public static final double MIN_TARGET = 0.80;

	public static final double MAX_TARGET = 0.90;

	public Standards {
		completeness = completeness == null ? List.of() : List.copyOf(completeness);
		collection = collection == null ? Map.of() : new LinkedHashMap<>(collection);
	}

	/** The shipped collection standard: what each stage needs before it moves on. */
	public static Map<String, List<String>> defaultCollection() {
		Map<String, List<String>> c = new LinkedHashMap<>();
		c.put("NEW", List.of("MOBILE|EMAIL"));
		c.put("MQL", List.of("NAME", "MOBILE|EMAIL", "COMPANY"));
		c.put("SQL", List.of("NAME", "MOBILE|EMAIL", "COMPANY", "TITLE", "INDUSTRY", "REGION", "BUDGET", "TIMEFRAME"));
		c.put("OPPORTUNITY", List.of("NAME", "MOBILE|EMAIL", "COMPANY", "TITLE", "INDUSTRY", "REGION", "BUDGET",
				"TIMEFRAME", "DECISION_ROLE"));
		return c;
	}

	public List<Requirement> completenessRequirements() {
		return parseAll(completeness, "completeness", new ArrayList<>());
	}

	public Map<String, List<Requirement>> collectionRequirements() {
		Map<String, List<Requirement>> out = new LinkedHashMap<>();
		collection.forEach((stage, fields) -> out.put(stage, parseAll(fields, "collection." + stage, new ArrayList<>())));
		return out;
	}

	/** Refuses (400, naming each field) a standard that cannot be applied. */
	public Standards validated() {
		List<FieldProblem> problems = new ArrayList<>();
		if (Double.isNaN(target) || target < MIN_TARGET - 1e-9 || target > MAX_TARGET + 1e-9) {
			problems.add(new FieldProblem("target", "must be between " + MIN_TARGET + " and " + MAX_TARGET));
		}
		if (completeness.isEmpty()) {
			problems.add(new FieldProblem("completeness", "must name at least one field"));
		}
		List<String> messages = new ArrayList<>();
		parseAll(completeness, "completeness", messages);
		collection.forEach((stage, fields) -> {
			try {
				LifecycleStage.valueOf(stage);
			}
			catch (IllegalArgumentException e) {
				messages.add("collection." + stage + ": unknown lifecycle stage, one of "
						+ List.of(LifecycleStage.values()));
			}
			parseAll(fields, "collection." + stage, messages);
		});
		messages.forEach(m -> {
			int colon = m.indexOf(": ");
			problems.add(new FieldProblem(m.substring(0, colon), m.substring(colon + 2)));
		});
		if (staleAfterMonths < 1 || staleAfterMonths > 120) {
			problems.add(new FieldProblem("staleAfterMonths", "must be between 1 and 120"));
		}
		if (longNurturedAfterDays < 1 || longNurturedAfterDays > 3650) {
			problems.add(new FieldProblem("longNurturedAfterDays", "must be between 1 and 3650"));
		}
		if (!problems.isEmpty()) {
			throw Problems.invalid(problems);
		}
		return this;
	}

	private static List<Requirement> parseAll(List<String> tokens, String field, List<String> problems) {
		List<Requirement> out = new ArrayList<>();
		for (int i = 0; i < (tokens == null ? 0 : tokens.size()); i++) {
			Requirement r = Requirement.parse(tokens.get(i), field + "[" + i + "]", problems);
			if (r != null) {
				out.add(r);
			}
		}
		return out;
	}
}
