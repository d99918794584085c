package com.leadflow.core.identity;

import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises what channels send before it is matched: full-width → half-width (NFKC), trimmed and folded spaces,
 * lower-cased e-mails, phones in E.164 (default region CN, extensions kept), matching keys of company and person
 * names.
 */
public final class Normalizer {

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern EMAIL = Pattern
		.compile("^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

	private static final Pattern EMAIL_WRAPPING = Pattern.compile("^mailto:|^<|>$|[;,]+$");

	private Normalizer() {
	}

	/** Full-width → half-width and compatibility forms folded (NFKC), trimmed, inner whitespace folded; null if blank. */
	public static String text(String raw) {
		if (raw == null) {
			return null;
		}
		if (printableAscii(raw)) {
			return raw; // NFKC leaves it as it is and there is no space to fold (most e-mails, phones, codes)
		}
		String folded = SPACES.matcher(java.text.Normalizer.normalize(raw, Form.NFKC)).replaceAll(" ").strip();
		return folded.isEmpty() ? null : folded;
	}

	private static boolean printableAscii(String s) {
		if (s.isEmpty()) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c <= ' ' || c > '~') {
				return false;
			}
		}
		return true;
	}

	/**
	 * A lower-cased, validated e-mail address, or empty when it is not one. What lists wrap around addresses goes:
	 * {@code mailto:}, angle brackets, a trailing separator, spaces, the ideographic full stop for the dot.
	 */
	public static Optional<String> email(String raw) {
		String text = text(raw);
		if (text == null) {
			return Optional.empty();
		}
		String email = EMAIL_WRAPPING.matcher(text.replace('。', '.').replace(" ", "").toLowerCase(Locale.ROOT))
			.replaceAll("");
		return EMAIL.matcher(email).matches() && email.length() <= 254 ? Optional.of(email) : Optional.empty();
	}

	/** A phone number in E.164 ({@link #phoneNumber}), or empty when it is none. */
	public static Optional<String> phone(String raw) {
		return phoneNumber(raw).map(Phone::e164);
	}

	/** A phone number: E.164 (with {@code ;ext=123} when it has an extension) and whether it is known to be allocated. */
	public record Phone(String e164, boolean verified) {
	}

	/**
	 * A phone number as {@link Phones} reads it: Unicode digits, separators, {@code +86}/{@code 0086}/{@code 86}
	 * prefixes, extensions; without a country code a Chinese number (an 11-digit number starting with 1 is a mobile).
	 * Possible but unallocated numbers come back unverified; empty when it cannot be a phone number.
	 */
	public static Optional<Phone> phoneNumber(String raw) {
		String text = text(raw);
		return text == null ? Optional.empty() : Phones.parse(text).map(p -> new Phone(p.e164(), p.verified()));
	}

	/** Whether a phone in E.164 is a mobile, a person's own number (not a landline, which colleagues share). */
	public static boolean isMobile(String e164) {
		return e164 != null && Phones.mobile(e164);
	}

	/** The matching key of a company name ({@link CompanyNames}): the same for the spellings of one company. */
	public static String companyMatchName(String raw) {
		String text = text(raw);
		return text == null ? null : CompanyNames.matchKey(text);
	}

	/**
	 * The matching key of a person's name: Simplified characters, lower case, and no spaces in a Chinese name
	 * ({@code 王 芳} = {@code 王芳} = {@code 王　芳}); a Latin name keeps one space between words.
	 */
	public static String personMatchName(String raw) {
		String text = text(raw);
		if (text == null) {
			return null;
		}
		String name = ChineseText.simplified(text).toLowerCase(Locale.ROOT).replaceAll("[·•.,]", " ").strip();
		name = ChineseText.hasHan(name) ? SPACES.matcher(name).replaceAll("") : SPACES.matcher(name).replaceAll(" ");
		return name.isEmpty() ? null : name;
	}

	/**
	 * Whether two names can be one person's: the same matching key, or the same letters once Chinese characters are
	 * read as pinyin, in either word order ({@code 张伟} = {@code Zhang Wei} = {@code Wei Zhang}). A missing name fits any.
	 */
	public static boolean namesCompatible(String a, String b) {
		String x = personMatchName(a);
		String y = personMatchName(b);
		if (x == null || y == null || x.equals(y)) {
			return true;
		}
		return latinForms(x).stream().anyMatch(latinForms(y)::contains);
	}

	private static java.util.List<String> latinForms(String key) {
		java.util.List<String> words = java.util.Arrays.asList(ChineseText.pinyin(key).strip().split("\\s+"));
		String forward = String.join("", words);
		java.util.List<String> reversed = new java.util.ArrayList<>(words);
		java.util.Collections.reverse(reversed);
		return java.util.List.of(forward, String.join("", reversed));
	}
}
