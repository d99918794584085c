package com.leadflow.core.identity;

import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Normalises what channels send before it is matched: full-width → half-width (NFKC), trimmed and folded spaces,
 * lower-cased e-mails, phones in E.164 (default region CN, extensions kept), company names without legal suffixes.
 */
public final class Normalizer {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern EMAIL = Pattern
		.compile("^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

	/** Chinese "转" (extension) and common spellings, turned into libphonenumber's " ext ". */
	private static final Pattern EXTENSION = Pattern.compile("\\s*(转|分机|ext\\.?|x)\\s*(?=\\d+\\s*$)",
			Pattern.CASE_INSENSITIVE);

	/** Legal-form suffixes, longest first, matched at the end of a name (after punctuation was removed). */
	private static final String[] LEGAL_SUFFIXES = { "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "公司",
			"corporation", "incorporated", "companylimited", "colimited", "coltd", "limited", "company", "corp", "gmbh",
			"ltd", "llc", "inc", "plc", "ag", "sa", "co" };

	private static final Pattern NOT_NAME_CHAR = Pattern.compile("[\\p{P}\\p{S}\\s]+");

	private static final String DEFAULT_REGION = "CN";

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

	/** A lower-cased, validated e-mail address, or empty when it is not one. */
	public static Optional<String> email(String raw) {
		String text = text(raw);
		if (text == null) {
			return Optional.empty();
		}
		String email = text.replace(" ", "").toLowerCase(Locale.ROOT);
		return EMAIL.matcher(email).matches() && email.length() <= 254 ? Optional.of(email) : Optional.empty();
	}

	/**
	 * A phone number in E.164 ({@code +8613800138000}), with {@code ;ext=123} when it has an extension, or empty when it
	 * cannot be parsed as a valid number. Numbers without a country code are read as Chinese; {@code 86 138…} and
	 * {@code 0086 138…} are read as +86.
	 */
	public static Optional<String> phone(String raw) {
		String text = text(raw);
		if (text == null) {
			return Optional.empty();
		}
		text = EXTENSION.matcher(text).replaceFirst(" ext ");
		Optional<PhoneNumber> number = parse(text);
		if (number.isEmpty() && !text.startsWith("+")) {
			number = parse("+" + text.replaceFirst("^\\D*", "")); // "86 13800138000": a country code without the plus
		}
		return number.map(n -> {
			String e164 = PHONES.format(n, PhoneNumberFormat.E164);
			return n.hasExtension() && !n.getExtension().isEmpty() ? e164 + ";ext=" + n.getExtension() : e164;
		});
	}

	private static Optional<PhoneNumber> parse(String text) {
		try {
			PhoneNumber number = PHONES.parse(text, DEFAULT_REGION);
			return PHONES.isValidNumber(number) ? Optional.of(number) : Optional.empty();
		}
		catch (NumberParseException e) {
			return Optional.empty();
		}
	}

	/**
	 * The matching form of a company name: NFKC, lower-cased, without punctuation, brackets, spaces and legal-form
	 * suffixes ({@code 某某科技（有限公司）} and {@code 某某科技有限公司} and {@code ACME Co., Ltd.} vs {@code Acme}).
	 */
	public static String companyMatchName(String raw) {
		String text = text(raw);
		if (text == null) {
			return null;
		}
		String name = NOT_NAME_CHAR.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String suffix : LEGAL_SUFFIXES) {
				if (name.endsWith(suffix) && name.length() > suffix.length()) {
					name = name.substring(0, name.length() - suffix.length());
					stripped = true;
					break;
				}
			}
		}
		return name.isEmpty() ? null : name;
	}
}
