package com.leadflow.core.identity;

import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NormalizerTests {

	@ParameterizedTest
	@ValueSource(strings = { "138 0013 8000", "+86-138-0013-8000", "008613800138000", "86 13800138000",
			"13800138000", "１３８００１３８０００", "(+86) 138-0013-8000", " 138.0013.8000 " })
	void readsEverySpellingOfAChineseMobileAsOneNumber(String raw) {
		then(Normalizer.phone(raw)).contains("+8613800138000");
	}

	@Test
	void keepsLandlineAreaCodesAndExtensions() {
		then(Normalizer.phone("010-6552 9988")).contains("+861065529988");
		then(Normalizer.phone("010-65529988 转 123")).contains("+861065529988;ext=123");
		then(Normalizer.phone("+86 21 6288 1234 ext. 9")).contains("+862162881234;ext=9");
		then(Normalizer.phone("+49 30 901820")).contains("+4930901820");
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "abc", "138001380001234", "+86 000", "" })
	void refusesWhatIsNoPhoneNumber(String raw) {
		then(Normalizer.phone(raw)).isEmpty();
	}

	@Test
	void lowerCasesAndValidatesEmails() {
		then(Normalizer.email("  Li.Wei@Example.COM ")).contains("li.wei@example.com");
		then(Normalizer.email("ｌｉ＠ｅｘａｍｐｌｅ．ｃｎ")).contains("li@example.cn");
		then(Normalizer.email("li@")).isEmpty();
		then(Normalizer.email("li wei@example")).isEmpty();
		then(Normalizer.email("no-at-sign.example.com")).isEmpty();
	}

	@Test
	void foldsFullWidthAndSpacesInText() {
		then(Normalizer.text("　王\u3000 伟  ")).isEqualTo("王 伟");
		then(Normalizer.text("ＡＢＣ（北京）")).isEqualTo("ABC(北京)");
		then(Normalizer.text("   ")).isNull();
	}

	@Test
	void matchesCompanyNamesAcrossSuffixBracketAndWhitespaceVariants() {
		String expected = Normalizer.companyMatchName("某某科技有限公司");
		then(expected).isEqualTo("某某科技");
		then(Normalizer.companyMatchName("某某科技（有限公司）")).isEqualTo(expected);
		then(Normalizer.companyMatchName(" 某某 科技 股份有限公司 ")).isEqualTo(expected);
		then(Normalizer.companyMatchName("某某科技公司")).isEqualTo(expected);

		String acme = Normalizer.companyMatchName("ACME Co., Ltd.");
		then(acme).isEqualTo("acme");
		then(Normalizer.companyMatchName("Acme Co Ltd")).isEqualTo(acme);
		then(Normalizer.companyMatchName("acme, inc.")).isEqualTo(acme);
		then(Normalizer.companyMatchName("ACME (GmbH)")).isEqualTo(acme);
		then(Normalizer.companyMatchName("Acme Robotics Ltd")).isNotEqualTo(acme);
	}
}
