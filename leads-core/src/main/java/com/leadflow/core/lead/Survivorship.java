package com.leadflow.core.lead;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Decides, per field, which of two values survives: on every arrival (current vs incoming) and on a merge (survivor vs
 * absorbed). Empty never beats a value.
 */
@Component
public class Survivorship {

	/** How a field's surviving value is chosen. */
	public enum Rule {
		/** The value recorded most recently wins (default). */
		MOST_RECENT,
		/** The value from the more trusted source wins (e.g. CRM beats a web form); equal trust: most recent. */
		SOURCE_PRIORITY,
		/** For the company: the account with more filled fields wins; equal: most recent. */
		MOST_COMPLETE
	}

	/** Where and when a field's value came from. */
	public record Provenance(String source, Instant at) {
	}

	private final LeadPoolProperties properties;

	public Survivorship(LeadPoolProperties properties) {
		this.properties = properties;
	}

	public Rule ruleFor(String field) {
		return properties.fieldRules().getOrDefault(field, "company".equals(field) ? Rule.MOST_COMPLETE : Rule.MOST_RECENT);
	}

	/** True when the challenger's value should replace the holder's (both non-empty and different). */
	public boolean challengerWins(String field, Provenance holder, Provenance challenger) {
		if (holder == null) {
			return true;
		}
		if (challenger == null) {
			return false;
		}
		if (ruleFor(field) == Rule.SOURCE_PRIORITY) {
			int byRank = Integer.compare(rank(holder.source()), rank(challenger.source()));
			if (byRank != 0) {
				return byRank > 0;
			}
		}
		return holder.at() == null || (challenger.at() != null && !challenger.at().isBefore(holder.at()));
	}

	private int rank(String source) {
		List<String> order = properties.sourcePriority();
		int i = source == null ? -1 : order.indexOf(source.toUpperCase(java.util.Locale.ROOT));
		return i < 0 ? order.size() : i;
	}
}
