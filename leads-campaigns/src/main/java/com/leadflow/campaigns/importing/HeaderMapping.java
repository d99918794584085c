package com.leadflow.campaigns.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Proposes which lead field each column of an import fills, from its header in Chinese or English. An exact
 * spelling wins over a header that merely contains one ({@code 手机号码(必填)}); each field is proposed once, for
 * its first column; columns nobody recognises stay unmapped (kept on the lead as attributes when mapped by hand).
 */
public final class HeaderMapping {

	/** The proposal for one column. {@code field} is null when unrecognised. */
	public record Column(int index, String header, LeadField field, Match match) {
	}

	/** How sure the proposal is. */
	public enum Match {
		EXACT, PARTIAL, NONE
	}

	private HeaderMapping() {
	}

	public static List<Column> propose(List<String> headers) {
		List<Column> columns = new ArrayList<>();
		Set<LeadField> taken = EnumSet.noneOf(LeadField.class);
		LeadField[] exact = new LeadField[headers.size()];
		for (int i = 0; i < headers.size(); i++) {
			String h = normalise(headers.get(i));
			for (LeadField field : LeadField.values()) {
				if (!taken.contains(field) && field.spellings().stream().anyMatch(s -> normalise(s).equals(h))) {
					exact[i] = field;
					taken.add(field);
					break;
				}
			}
		}
		for (int i = 0; i < headers.size(); i++) {
			if (exact[i] != null) {
				columns.add(new Column(i, headers.get(i), exact[i], Match.EXACT));
				continue;
			}
			LeadField partial = partial(normalise(headers.get(i)), taken);
			if (partial != null) {
				taken.add(partial);
			}
			columns.add(new Column(i, headers.get(i), partial, partial == null ? Match.NONE : Match.PARTIAL));
		}
		return columns;
	}

	/** The field whose longest spelling the header contains (only spellings of two or more characters). */
	private static LeadField partial(String header, Set<LeadField> taken) {
		if (header.isEmpty()) {
			return null;
		}
		LeadField best = null;
		int bestLength = 0;
		for (LeadField field : LeadField.values()) {
			if (taken.contains(field)) {
				continue;
			}
			for (String spelling : field.spellings()) {
				String s = normalise(spelling);
				int weight = s.codePoints().map(c -> c > 0x2E80 ? 3 : 1).sum(); // one Chinese character says more
				if (weight >= 3 && s.length() > 0 && header.contains(s) && s.length() > bestLength) {
					best = field;
					bestLength = s.length();
				}
			}
		}
		return best;
	}

	/** NFKC (full-width to half-width), lower case, without spaces, punctuation, brackets and required-markers. */
	static String normalise(String header) {
		if (header == null) {
			return "";
		}
		String s = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return s.replaceAll("[\\s\\p{Punct}\\p{IsPunctuation}*＊·]", "");
	}
}
