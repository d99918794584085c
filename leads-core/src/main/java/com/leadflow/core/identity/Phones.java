package com.leadflow.core.identity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Reads phone numbers the way Chinese lead lists spell them: any Unicode digits (full-width from an IME too),
 * separators, {@code +86}, {@code (+86)}, {@code 0086} and a bare {@code 86} before a mobile, extensions
 * ({@code 转 123}, {@code ext. 9}), landlines with their area code. Without a country code the number is Chinese: an
 * 11-digit number starting with 1 is a Chinese mobile, never a North-American number. A number libphonenumber does not
 * know to be allocated (new mobile prefixes such as 162, 164, 174) but that has a possible length is kept, unverified.
 */
final class Phones {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	/** An extension at the end: Chinese "转"/"分机", "ext", "x" or "#", then its digits. */
	private static final Pattern EXTENSION = Pattern.compile("\\s*(?:转|分机|ext\\.?|x|#)\\s*(\\d{1,6})\\s*$",
			Pattern.CASE_INSENSITIVE);

	/** What may stand in a phone cell besides digits. */
	private static final Pattern ALLOWED = Pattern.compile("[\\d\\s+()\\-./]*");

	private Phones() {
	}

	/** A parsed number: E.164 (with {@code ;ext=} when it has one) and whether it is known to be allocated. */
	record Parsed(String e164, boolean verified) {
	}

	static Optional<Parsed> parse(String text) {
		String s = asciiDigits(text);
		String extension = null;
		Matcher ext = EXTENSION.matcher(s);
		if (ext.find()) {
			extension = ext.group(1);
			s = s.substring(0, ext.start());
		}
		if (!ALLOWED.matcher(s).matches()) {
			return Optional.empty();
		}
		boolean plus = s.strip().replace("(", "").startsWith("+");
		String digits = s.replaceAll("\\D", "");
		if (digits.length() < 7 || digits.length() > 15) {
			return Optional.empty();
		}
		String international; // digits after the country code's "+", or null for a national (Chinese) number
		if (plus) {
			international = digits;
		}
		else if (digits.startsWith("00")) {
			international = digits.substring(2);
		}
		else if (digits.startsWith("86") && (digits.length() == 13 && digits.charAt(2) == '1'
				|| digits.length() >= 11 && digits.length() <= 12 && digits.charAt(2) != '0' && digits.charAt(2) != '1')) {
			international = digits; // "86 138…" or "86 10 8888 6666": the country code without its plus
		}
		else {
			international = null;
		}
		PhoneNumber number;
		try {
			number = international == null ? UTIL.parse(digits, "CN") : UTIL.parse("+" + international, "ZZ");
		}
		catch (NumberParseException e) {
			return Optional.empty();
		}
		boolean verified = UTIL.isValidNumber(number);
		if (!verified && !(plausibleChinese(number) || number.getCountryCode() != 86 && UTIL.isPossibleNumber(number))) {
			return Optional.empty();
		}
		String national = UTIL.getNationalSignificantNumber(number);
		if (placeholder(national)) {
			return Optional.empty();
		}
		String e164 = UTIL.format(number, PhoneNumberFormat.E164);
		return Optional.of(new Parsed(extension == null ? e164 : e164 + ";ext=" + extension, verified));
	}

	/**
	 * Whether a number in E.164 is a mobile (a person's own): a Chinese 1 and ten digits, allocated or not yet; elsewhere
	 * what libphonenumber types as mobile, or cannot type. Landlines are not: colleagues share a switchboard.
	 */
	static boolean mobile(String e164) {
		String number = e164.replaceFirst(";ext=.*$", "");
		if (number.startsWith("+86")) {
			return number.length() == 14 && number.charAt(3) == '1';
		}
		try {
			PhoneNumberType type = UTIL.getNumberType(UTIL.parse(number, "ZZ"));
			return type != PhoneNumberType.FIXED_LINE && type != PhoneNumberType.TOLL_FREE
					&& type != PhoneNumberType.SHARED_COST && type != PhoneNumberType.UAN;
		}
		catch (NumberParseException e) {
			return false;
		}
	}

	/** A Chinese number of the shape of a mobile (1 and ten digits) or of a landline (area code and 7–8 digits). */
	private static boolean plausibleChinese(PhoneNumber number) {
		if (number.getCountryCode() != 86) {
			return false;
		}
		String national = UTIL.getNationalSignificantNumber(number);
		return national.length() == 11 && national.charAt(0) == '1'
				|| national.length() >= 9 && national.length() <= 11 && national.charAt(0) != '1';
	}

	/** Numbers typed to fill a required cell: the subscriber part one digit repeated ({@code 13800000000}). */
	private static boolean placeholder(String national) {
		String tail = national.substring(Math.max(0, national.length() - 7));
		return tail.chars().distinct().count() == 1 || "12345678901".startsWith(national)
				|| "1234567890".contains(national);
	}

	/** Every Unicode decimal digit as its ASCII digit (full-width, Arabic-Indic, …). */
	private static String asciiDigits(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(c > '9' && Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c);
		}
		return out.toString();
	}
}
