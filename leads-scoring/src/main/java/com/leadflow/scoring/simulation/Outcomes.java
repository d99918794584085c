package com.leadflow.scoring.simulation;

import java.util.Locale;
import java.util.Set;

import com.leadflow.core.LeadSnapshot;

/**
 * A lead's known outcome for conversion statistics: converted when its lifecycle stage is WON / CUSTOMER / CONVERTED
 * (or attribute {@code converted} is true), not converted when LOST / DISQUALIFIED / RECYCLED (or the attribute is
 * false); otherwise unknown (null).
 */
final class Outcomes {

	private static final Set<String> CONVERTED = Set.of("WON", "CUSTOMER", "CONVERTED", "CLOSED_WON");

	private static final Set<String> NOT_CONVERTED = Set.of("LOST", "DISQUALIFIED", "RECYCLED", "CLOSED_LOST");

	private Outcomes() {
	}

	static Boolean of(LeadSnapshot lead) {
		Object attribute = lead.attributes() == null ? null : lead.attributes().get("converted");
		if (attribute != null) {
			String v = attribute.toString().strip().toLowerCase(Locale.ROOT);
			if (v.equals("true") || v.equals("1") || v.equals("yes")) {
				return true;
			}
			if (v.equals("false") || v.equals("0") || v.equals("no")) {
				return false;
			}
		}
		String stage = lead.lifecycleStage() == null ? "" : lead.lifecycleStage().strip().toUpperCase(Locale.ROOT);
		if (CONVERTED.contains(stage)) {
			return true;
		}
		return NOT_CONVERTED.contains(stage) ? false : null;
	}
}
