package com.leadflow.core.identity;

import com.ibm.icu.text.Transliterator;

/** Traditional → Simplified Chinese (ICU's {@code Traditional-Simplified}), for matching keys only. */
final class ChineseText {

	/** ICU transliterators are not safe for concurrent use: one per thread. */
	private static final ThreadLocal<Transliterator> TO_SIMPLIFIED = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

	private static final ThreadLocal<Transliterator> TO_PINYIN = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower"));

	private ChineseText() {
	}

	/** The text with Han characters in toneless pinyin, lower case ({@code 张伟} → {@code zhang wei}). */
	static String pinyin(String text) {
		return hasHan(text) ? TO_PINYIN.get().transliterate(text) : text;
	}

	/** The text in Simplified characters; text without Han characters is returned as it is. */
	static String simplified(String text) {
		return hasHan(text) ? TO_SIMPLIFIED.get().transliterate(text) : text;
	}

	static boolean hasHan(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN) {
				return true;
			}
		}
		return false;
	}
}
