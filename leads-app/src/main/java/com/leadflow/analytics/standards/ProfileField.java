package com.leadflow.analytics.standards;

import java.util.regex.Pattern;

import com.leadflow.core.LeadSnapshot;

/**
 * A profile field a standard can require; each has one bit in a lead's {@code present_mask}. New fields go at the
 * end (the bit is the ordinal).
 */
public enum ProfileField {

	NAME, EMAIL, MOBILE, PHONE, COMPANY, TITLE, INDUSTRY, REGION, PROVINCE, CITY, COMPANY_SIZE, BUDGET, NEED, TIMEFRAME,
	DECISION_ROLE, OWNER;

	/** A Chinese mobile number in E.164. Numbers of other countries cannot be told apart and count as mobile. */
	private static final Pattern CN_MOBILE = Pattern.compile("\\+861[3-9]\\d{9}");

	public int bit() {
		return 1 << ordinal();
	}

	/** The fields present in a lead's profile, as a bit mask. */
	public static int presentIn(LeadSnapshot lead) {
		int mask = 0;
		for (ProfileField field : values()) {
			if (field.isPresentIn(lead)) {
				mask |= field.bit();
			}
		}
		return mask;
	}

	boolean isPresentIn(LeadSnapshot l) {
		return switch (this) {
			case NAME -> has(l.name());
			case EMAIL -> !l.emails().isEmpty();
			case MOBILE -> l.phones().stream().anyMatch(ProfileField::isMobile);
			case PHONE -> !l.phones().isEmpty();
			case COMPANY -> has(l.companyName());
			case TITLE -> has(l.title());
			case INDUSTRY -> has(l.industry());
			case REGION -> has(l.region());
			case PROVINCE -> has(l.province());
			case CITY -> has(l.city());
			case COMPANY_SIZE -> has(l.companySizeBand());
			case BUDGET -> has(l.budget());
			case NEED -> has(l.need());
			case TIMEFRAME -> has(l.timeframe());
			case DECISION_ROLE -> l.decisionRole() != null;
			case OWNER -> has(l.owner());
		};
	}

	static boolean isMobile(String e164) {
		if (e164 == null || e164.contains(";")) {
			return false;
		}
		return e164.startsWith("+86") ? CN_MOBILE.matcher(e164).matches() : true;
	}

	private static boolean has(String value) {
		return value != null && !value.isBlank();
	}
}
