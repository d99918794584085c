package com.leadflow.scoring.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.leadflow.core.LeadSnapshot;
import com.leadflow.scoring.engine.CompiledModel.Attribute;

/** Reads a lead's attributes for fit criteria: the text, and a number where one makes sense (amount, months, size). */
final class LeadFacts {

	private static final Pattern NUMBER = Pattern.compile("(\\d+(?:[.,]\\d+)*)\\s*(k|m|million|mio|bn|万|千|亿)?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DURATION = Pattern.compile(
			"(\\d+(?:\\.\\d+)?)\\s*(d|day|days|天|w|wk|week|weeks|周|个?星期|m|mo|month|months|个?月|q|quarter|quarters|个?季度|y|yr|year|years|年)?",
			Pattern.CASE_INSENSITIVE);

	private LeadFacts() {
	}

	static String text(LeadSnapshot lead, Attribute attribute) {
		return switch (attribute) {
			case BUDGET -> lead.budget();
			case AUTHORITY -> lead.decisionRole() == null ? null : lead.decisionRole().name();
			case NEED -> lead.need();
			case TIMEFRAME -> lead.timeframe();
			case TITLE -> lead.title();
			case COMPANY_SIZE -> lead.companySizeBand();
			case INDUSTRY -> lead.industry();
			case REGION -> join(lead.region(), lead.province(), lead.city());
			case EXISTING_CUSTOMER -> Boolean.toString(lead.existingCustomer());
		};
	}

	static Double number(String text, Attribute attribute) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return attribute == Attribute.TIMEFRAME ? months(text) : amount(text);
	}

	/** An amount such as {@code 50万}, {@code ¥200,000}, {@code 1.5m}, {@code 100k}; the first number counts. */
	static Double amount(String text) {
		Matcher m = NUMBER.matcher(text);
		if (!m.find()) {
			return null;
		}
		double value = Double.parseDouble(m.group(1).replace(",", ""));
		String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
		return switch (unit) {
			case "k", "千" -> value * 1_000;
			case "m", "million", "mio" -> value * 1_000_000;
			case "万" -> value * 10_000;
			case "bn", "亿" -> value * 100_000_000;
			default -> value;
		};
	}

	/** A purchase horizon in whole months, rounded up ({@code 5 weeks} → 2); "now", "immediately" → 0. */
	static Double months(String text) {
		String t = text.strip().toLowerCase(Locale.ROOT);
		if (t.contains("immediate") || t.equals("now") || t.contains("asap") || t.contains("立即") || t.contains("马上")) {
			return 0.0;
		}
		Matcher m = DURATION.matcher(t);
		if (!m.find()) {
			return null;
		}
		double value = Double.parseDouble(m.group(1));
		String unit = m.group(2) == null ? "m" : m.group(2);
		double months;
		if (unit.startsWith("d") || unit.equals("天")) {
			months = value / 30.0;
		}
		else if (unit.startsWith("w") || unit.contains("周") || unit.contains("星期")) {
			months = value * 7 / 30.0;
		}
		else if (unit.startsWith("q") || unit.contains("季度")) {
			months = value * 3;
		}
		else if (unit.startsWith("y") || unit.equals("年")) {
			months = value * 12;
		}
		else {
			months = value;
		}
		return Math.ceil(months - 1e-9);
	}

	private static String join(String... parts) {
		StringBuilder b = new StringBuilder();
		for (String p : parts) {
			if (p != null && !p.isBlank()) {
				b.append(b.isEmpty() ? "" : " | ").append(p);
			}
		}
		return b.isEmpty() ? null : b.toString();
	}
}
