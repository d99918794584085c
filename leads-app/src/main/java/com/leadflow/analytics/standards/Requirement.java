package com.leadflow.analytics.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of a standard: a field, or alternatives of which one suffices ({@code MOBILE|EMAIL}). Met by a lead whose
 * present-fields mask has any of the bits.
 */
public record Requirement(String name, int mask) {

	public boolean metBy(int presentMask) {
		return (presentMask & mask) != 0;
	}

	/** Parses {@code FIELD} or {@code FIELD|FIELD}; null with the reason in {@code problems} if invalid. */
	public static Requirement parse(String token, String field, List<String> problems) {
		if (token == null || token.isBlank()) {
			problems.add(field + ": must name a field");
			return null;
		}
		int mask = 0;
		List<String> names = new ArrayList<>();
		for (String part : token.split("\\|")) {
			String name = part.strip().toUpperCase(Locale.ROOT);
			try {
				mask |= ProfileField.valueOf(name).bit();
				names.add(name);
			}
			catch (IllegalArgumentException e) {
				problems.add(field + ": unknown field '" + part.strip() + "', one of " + List.of(ProfileField.values()));
				return null;
			}
		}
		return new Requirement(String.join("|", names), mask);
	}

	/** The lead is complete when it meets every requirement. */
	public static boolean allMet(List<Requirement> requirements, int presentMask) {
		return requirements.stream().allMatch(r -> r.metBy(presentMask));
	}
}
