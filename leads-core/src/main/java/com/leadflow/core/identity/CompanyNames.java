package com.leadflow.core.identity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The matching key of a company name, so that the spellings of one company in Chinese and English lead lists are one
 * company: {@code 北京凯德金融信息有限公司}, {@code 凯德金融信息（北京）有限公司}, {@code 北京市凯德金融信息有限公司},
 * {@code 凯德金融信息有限公司上海分公司} and {@code 凱德金融信息有限公司} all give {@code 凯德金融信息}. Dropped: width and case
 * differences, Traditional characters, spaces and punctuation, bracketed regions and legal forms, administrative
 * regions before or after the name (province, city, district, with 省/市/区…), legal forms (有限公司, 股份有限公司, 集团,
 * Co., Ltd., Inc. …) and branch suffixes (分公司, 办事处 …). A region is only dropped while at least four characters of
 * name remain, so {@code 北京银行} and {@code 上海银行} stay two companies.
 */
final class CompanyNames {

	/** Provinces, municipalities, regions and large cities (short forms; 省/市/自治区… are matched after them). */
	private static final List<String> REGIONS = List.of("中国", "中华", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁",
			"吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南",
			"陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门", "石家庄", "唐山", "保定", "廊坊",
			"太原", "大同", "沈阳", "大连", "鞍山", "长春", "哈尔滨", "大庆", "南京", "苏州", "无锡", "常州", "南通", "徐州", "扬州", "镇江",
			"泰州", "盐城", "昆山", "杭州", "宁波", "温州", "绍兴", "嘉兴", "金华", "台州", "湖州", "义乌", "舟山", "合肥", "芜湖", "福州",
			"厦门", "泉州", "漳州", "莆田", "南昌", "赣州", "九江", "济南", "青岛", "烟台", "潍坊", "淄博", "临沂", "济宁", "威海", "郑州",
			"洛阳", "武汉", "宜昌", "襄阳", "长沙", "株洲", "岳阳", "衡阳", "广州", "深圳", "珠海", "佛山", "东莞", "中山", "惠州", "汕头",
			"江门", "湛江", "肇庆", "海口", "三亚", "成都", "绵阳", "贵阳", "遵义", "昆明", "西安", "咸阳", "宝鸡", "兰州", "西宁", "银川",
			"乌鲁木齐", "呼和浩特", "包头", "南宁", "桂林", "柳州", "拉萨", "海淀", "朝阳", "东城", "西城", "丰台", "通州", "顺义", "昌平",
			"大兴", "浦东", "浦东新", "徐汇", "静安", "黄浦", "长宁", "闵行", "嘉定", "松江", "南山", "福田", "罗湖", "宝安", "龙岗", "龙华",
			"天河", "越秀", "番禺", "海珠", "白云", "黄埔", "滨海", "滨海新", "雄安", "两江", "高新", "经开");

	/** English spellings, dropped as whole words only (never from inside a word: AsiaInfo stays). */
	private static final Set<String> LATIN_REGIONS = Set.of("china", "prc", "beijing", "peking", "shanghai", "tianjin", "chongqing", "guangzhou", "shenzhen", "hangzhou",
			"nanjing", "suzhou", "chengdu", "wuhan", "xian", "xiamen", "qingdao", "dalian", "shenyang", "ningbo", "jinan",
			"changsha", "zhengzhou", "hefei", "fuzhou", "kunming", "dongguan", "foshan", "wuxi", "hongkong", "hk", "macau",
			"taiwan", "asia", "asiapacific", "greaterchina");

	/** What follows a region's name: province, city, district, county, autonomous region, SAR. */
	private static final String REGION_SUFFIX = "(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|新区|开发区|省|市|区|县)?";

	private static final String REGION = Stream.concat(REGIONS.stream(), LATIN_REGIONS.stream()).sorted(Comparator.comparingInt(String::length).reversed())
		.map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")")) + REGION_SUFFIX;

	private static final Pattern LEADING_REGION = Pattern.compile("^" + REGION);

	private static final Pattern TRAILING_REGION = Pattern.compile(REGION + "$");

	/** Legal forms and branch words, matched at the end (after spaces and punctuation are gone). */
	private static final List<String> SUFFIXES = Stream.of("集团股份有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "有限公司",
			"集团公司", "股份公司", "总公司", "分公司", "子公司", "办事处", "代表处", "营业部", "分部", "分行", "集团", "公司", "corporation",
			"incorporated", "companylimited", "colimited", "coltd", "limited", "company", "holdings", "group", "branch",
			"office", "corp", "gmbh", "ltd", "llc", "inc", "plc", "co")
		.sorted(Comparator.comparingInt(String::length).reversed())
		.toList();

	private static final Set<String> BRACKETED_NOISE = Set.copyOf(SUFFIXES);

	/** Legal-form words of English names, dropped from the end: "Co., Ltd." is two of them. */
	private static final Set<String> LATIN_SUFFIXES = Set.of("co", "ltd", "limited", "company", "inc", "incorporated",
			"corp", "corporation", "llc", "gmbh", "plc", "ag", "sa", "group", "holdings", "branch", "office");

	private static final Pattern BRACKETED = Pattern.compile("[(\\[【〔「]([^()\\[\\]【】〔〕「」]*)[)\\]】〕」]");

	private static final Pattern NOT_NAME_CHAR = Pattern.compile("[\\p{P}\\p{S}\\s]+");

	/** The least a key keeps when a region would be dropped from it. */
	private static final int MIN_REST = 4;

	private CompanyNames() {
	}

	/** The matching key of a name (already NFKC-folded), or null when nothing of a name is left. */
	static String matchKey(String text) {
		String name = ChineseText.simplified(text).toLowerCase(Locale.ROOT);
		name = dropBracketed(name);
		if (!ChineseText.hasHan(name)) {
			return latinKey(name);
		}
		name = NOT_NAME_CHAR.matcher(name).replaceAll("");
		String before;
		do {
			before = name;
			name = dropSuffix(name);
			name = dropRegion(name, TRAILING_REGION);
			name = dropRegion(name, LEADING_REGION);
		}
		while (!name.equals(before));
		return name.isEmpty() ? null : name;
	}

	/** An English (or other non-Han) name: words, without legal-form words at the end and region words at either end. */
	private static String latinKey(String name) {
		List<String> words = new java.util.ArrayList<>(Arrays.asList(NOT_NAME_CHAR.matcher(name).replaceAll(" ").strip()
			.split(" ")));
		words.removeIf(String::isEmpty);
		boolean dropped = true;
		while (dropped && words.size() > 1) {
			dropped = false;
			String last = words.get(words.size() - 1);
			if (LATIN_SUFFIXES.contains(last) || LATIN_REGIONS.contains(last)) {
				words.remove(words.size() - 1);
				dropped = true;
			}
			else if (LATIN_REGIONS.contains(words.get(0)) && String.join("", words.subList(1, words.size())).length() >= 3) {
				words.remove(0);
				dropped = true;
			}
		}
		String key = String.join("", words);
		return key.isEmpty() ? null : key;
	}

	/** Brackets around a region or a legal form go with their content; other brackets only lose the bracket. */
	private static String dropBracketed(String name) {
		Matcher m = BRACKETED.matcher(name);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String inside = NOT_NAME_CHAR.matcher(m.group(1)).replaceAll("");
			boolean noise = inside.isEmpty() || BRACKETED_NOISE.contains(inside)
					|| Pattern.matches(REGION, inside) || Arrays.stream(inside.split("(?<=[省市区])")).allMatch(
							part -> Pattern.matches(REGION, part));
			m.appendReplacement(out, noise ? " " : Matcher.quoteReplacement(" " + m.group(1) + " "));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String dropSuffix(String name) {
		for (String suffix : SUFFIXES) {
			if (name.endsWith(suffix) && name.length() > suffix.length()) {
				return name.substring(0, name.length() - suffix.length());
			}
		}
		return name;
	}

	private static String dropRegion(String name, Pattern region) {
		Matcher m = region.matcher(name);
		if (!m.find() || m.end() == m.start()) {
			return name;
		}
		String rest = name.substring(0, m.start()) + name.substring(m.end());
		return rest.codePointCount(0, rest.length()) >= MIN_REST ? rest : name;
	}
}
