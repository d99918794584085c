package com.leadflow.core.identity;

import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NormalizerTests {

	@ParameterizedTest
	@ValueSource(strings = { "138 0013 8000", "+86-138-0013-8000", "008613800138000", "86 13800138000",
			"13800138000", "１３８００１３８０００", "(+86) 138-0013-8000", " 138.0013.8000 ", "（＋８６）１３８　００１３　８０００",
			"+86 (138) 0013 8000", "١٣٨٠٠١٣٨٠٠٠", "0086-138-0013-8000" })
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
	@ValueSource(strings = { "16455520849", "+86 164 5552 0849", "８６１６４５５５２０８４９", "0086 16455520849",
			"164-5552-0849" })
	void keepsAChineseMobileOfAPrefixNotKnownToBeAllocatedAsAnUnverifiedChineseNumber(String raw) {
		then(Normalizer.phoneNumber(raw)).contains(new Normalizer.Phone("+8616455520849", false));
	}

	@Test
	void readsElevenDigitsStartingWithOneAsAChineseMobileNeverAsANorthAmericanNumber() {
		for (String prefix : new String[] { "141", "162", "169", "174", "165" }) {
			then(Normalizer.phone(prefix + "55520849")).contains("+86" + prefix + "55520849");
		}
		then(Normalizer.phone("+1 650 253 0000")).contains("+16502530000");
		then(Normalizer.phoneNumber("13800138000")).contains(new Normalizer.Phone("+8613800138000", true));
	}

	@Test
	void readsChineseLandlinesWithTheirAreaCodeAndExtension() {
		then(Normalizer.phone("010-8888 6666")).contains("+861088886666");
		then(Normalizer.phone("0755 2345 6789 转 123")).contains("+8675523456789;ext=123");
		then(Normalizer.phone("（０２１）６２８８１２３４ 分机 88")).contains("+862162881234;ext=88");
		then(Normalizer.phone("86-10-8888-6666")).contains("+861088886666");
	}

	@Test
	void tellsMobilesFromLandlines() {
		then(Normalizer.isMobile("+8613800138000")).isTrue();
		then(Normalizer.isMobile("+8616455520849")).as("not allocated yet, still a mobile").isTrue();
		then(Normalizer.isMobile("+861088886666")).isFalse();
		then(Normalizer.isMobile("+8675523456789;ext=123")).isFalse();
		then(Normalizer.isMobile("+447911123456")).isTrue();
		then(Normalizer.isMobile("+442079460000")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "abc", "138001380001234", "+86 000", "", "无", "13800000000", "11111111111",
			"手机 13800138000", "0000000" })
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
		then(Normalizer.email("mailto:Wang.Fang@Example.cn;")).contains("wang.fang@example.cn");
		then(Normalizer.email("<wang@example。cn>")).contains("wang@example.cn");
		then(Normalizer.email("wang @ example.cn")).contains("wang@example.cn");
	}

	@Test
	void givesOnePersonNameKeyForSpacedWidthAndTraditionalVariants() {
		String key = Normalizer.personMatchName("王芳");
		then(Normalizer.personMatchName("王 芳")).isEqualTo(key);
		then(Normalizer.personMatchName("　王　芳 ")).isEqualTo(key);
		then(Normalizer.personMatchName("陳小明")).isEqualTo(Normalizer.personMatchName("陈小明"));
		then(Normalizer.personMatchName(" Wang  Fang ")).isEqualTo("wang fang");
		then(Normalizer.personMatchName("王芳")).isNotEqualTo(Normalizer.personMatchName("王方"));
	}

	@Test
	void tellsNamesThatCanBeOnePersonsFromNamesThatCannot() {
		then(Normalizer.namesCompatible("张伟", "Zhang Wei")).isTrue();
		then(Normalizer.namesCompatible("張偉", "wei zhang")).isTrue();
		then(Normalizer.namesCompatible("王 芳", "王芳")).isTrue();
		then(Normalizer.namesCompatible(null, "王芳")).isTrue();
		then(Normalizer.namesCompatible("张伟", "李娜")).isFalse();
		then(Normalizer.namesCompatible("Zhang Wei", "Li Na")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "北京凯德金融信息有限公司", "凯德金融信息（北京）有限公司", "凯德金融信息(北京)有限公司", "北京市凯德金融信息有限公司",
			"凯德金融信息有限公司北京分公司", "凱德金融信息有限公司", "凯德金融信息股份有限公司", " 凯德 金融信息 有限公司 ", "凯德金融信息集团",
			"广东省深圳市凯德金融信息有限公司", "凯德金融信息有限责任公司上海办事处", "凯德金融信息（北京市海淀区）有限公司" })
	void unifiesTheSpellingsOfOneChineseCompany(String variant) {
		then(Normalizer.companyMatchName(variant)).isEqualTo("凯德金融信息");
	}

	@Test
	void keepsCompaniesApartThatOnlyARegionTellsApart() {
		then(Normalizer.companyMatchName("北京银行")).isNotEqualTo(Normalizer.companyMatchName("上海银行"));
		then(Normalizer.companyMatchName("中国银行股份有限公司")).isEqualTo("中国银行");
		then(Normalizer.companyMatchName("AsiaInfo Technologies")).isEqualTo("asiainfotechnologies");
		then(Normalizer.companyMatchName("Kaide Financial (Beijing) Co., Ltd.")).isEqualTo("kaidefinancial");
		then(Normalizer.companyMatchName("Kaide Financial China Ltd")).isEqualTo("kaidefinancial");
		then(Normalizer.companyMatchName("Beijing Kaide Financial")).isEqualTo("kaidefinancial");
		then(Normalizer.companyMatchName("凯德金融信息")).isNotEqualTo(Normalizer.companyMatchName("凯德金融科技"));
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
