package com.leadflow.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import de.siegmar.fastcsv.writer.CsvWriter;

import com.ibm.icu.text.Transliterator;

/**
 * A lead spreadsheet as a Chinese marketing team exports it, with the truth behind it: {@code persons} people at about
 * one company per six, each in one to three rows typed by different hands. A row gives the person's mobile, e-mail,
 * direct landline or several of them, each written as people write them (spaced or dashed, {@code +86}, {@code (+86)},
 * {@code 0086}, {@code 86}, full-width IME digits, extensions with 转; e-mails in capitals, with a full-width ＠, in angle
 * brackets or behind {@code mailto:}), the name sometimes spaced ({@code 王 芳}) or in Traditional characters, the
 * company with or without its region ({@code 北京}, {@code 北京市}, {@code （北京）}, {@code (北京)}), in Traditional
 * characters, with other legal forms or spaces. About one mobile in twelve has a prefix libphonenumber does not list as
 * allocated (141, 162, 164, 169, 174). Some rows carry one bad value next to a good one ({@code 无} for an e-mail,
 * {@code 待补充} for a phone): the row is still a valid person. Common names recur (王伟, 李娜, 张伟 …), at other companies
 * and sometimes at the same one: the hard negatives. {@code badRows} rows have no usable contact at all. The rows are
 * shuffled; nothing in the file says which rows are one person.
 */
final class MessyChineseLeads {

	static final List<String> CHINESE_HEADERS = List.of("姓名", "手机号码", "电子邮箱", "联系电话", "公司名称", "职位", "城市", "备注");

	static final List<String> ENGLISH_HEADERS = List.of("Name", "Mobile", "Email", "Phone", "Company", "Title", "City",
			"Notes");

	/** One row of the file and whose it is ({@code person} -1: a bad row, nobody's). */
	record Row(int person, List<String> cells) {
	}

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤";

	/** Given names, the common ones first (drawn more often: the same name recurs as in life). */
	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
			"明", "超", "秀英", "霞", "平", "刚", "桂英", "华", "玉兰", "萍", "鹏", "辉", "玲", "建华", "晶", "婷", "雪", "琳", "宇浩",
			"凯", "健", "俊杰", "帆", "帅", "旭东", "宁", "志龙", "林峰", "欣怡", "颖", "倩", "亮", "飞", "斌", "博文", "文静", "鑫",
			"海燕", "国强", "立新", "子涵", "梓轩", "思远", "嘉怡", "晓东", "振华", "春梅", "红霞", "德明", "永刚", "雅琴", "天宇", "佳琪",
			"明轩", "诗涵", "浩然", "一鸣", "晨曦", "雨萱", "泽宇", "家豪", "丽君", "少华", "建军", "卫东" };

	private static final String[] CITIES = { "北京", "上海", "深圳", "广州", "杭州", "成都", "南京", "武汉", "苏州", "天津", "西安",
			"重庆", "长沙", "青岛", "厦门", "合肥" };

	/** The municipalities and the cities a writer may give 市. */
	private static final Set<String> WITH_SHI = Set.of("北京", "上海", "天津", "重庆", "深圳", "广州", "杭州", "成都", "南京", "武汉");

	private static final String[] BRAND = { "凯德", "华信", "中科", "东方", "宏达", "金桥", "瑞丰", "远景", "天成", "博源", "恒通",
			"新锐", "联创", "智达", "长风", "鼎盛", "明德", "星河", "海纳", "启航", "云帆", "华腾", "汇通", "益康", "国泰", "万达", "盛世",
			"佳美", "永信", "卓越", "正泰", "和信", "龙腾", "诚达", "腾飞", "宏图", "嘉禾", "银河", "九州", "世纪" };

	private static final String[] TRADE = { "金融信息", "科技", "电子", "软件", "网络技术", "数据服务", "医疗设备", "物流", "贸易",
			"汽车零部件", "机械制造", "环保科技", "能源", "实业", "信息技术", "智能装备", "生物医药", "教育科技", "建筑工程", "食品" };

	private static final String[] LEGAL = { "有限公司", "股份有限公司", "有限责任公司", "集团有限公司" };

	private static final String[] ENGLISH_COMPANIES = { "Acme Technology", "Northwind Trading", "Contoso Software",
			"Fabrikam Industrial", "Globex Logistics", "Initech Data", "Umbrella Medical", "Stark Precision",
			"Wayne Energy", "Tyrell Robotics", "Cyberdyne Systems", "Soylent Foods", "Hooli Cloud", "Vandelay Imports",
			"Wonka Materials", "Oscorp Chemicals" };

	private static final String[] ENGLISH_LEGAL = { " Co., Ltd.", " Co. Ltd", " Ltd.", " Limited", " Inc.", " (China) Co., Ltd." };

	private static final String[] TITLES = { "采购经理", "IT总监", "技术总监", "CTO", "工程师", "市场经理", "总经理", "财务总监", "运营专员",
			"销售经理", "产品经理", "采购专员", "信息部主任", "副总裁", "研发经理", "" };

	/** Prefixes libphonenumber knows as allocated mobile ranges, and some it does not (yet). */
	private static final String[] MOBILE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
			"151", "152", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182",
			"183", "185", "186", "187", "188", "189", "191", "198", "199" };

	private static final String[] UNALLOCATED_PREFIXES = { "141", "162", "164", "169", "174" };

	private static final String[] AREA_CODES = { "010", "021", "0755", "020", "0571", "028", "025", "027", "0512", "022" };

	private static final String[] MAIL_DOMAINS = { "qq.com", "163.com", "126.com", "sina.com", "139.com", "foxmail.com" };

	private static final String[] BAD_EMAILS = { "无", "n/a", "待补充", "-", "见名片" };

	private static final String[] BAD_PHONES = { "待补充", "无", "12345", "—", "空号" };

	private record Company(String region, String core, String legal, String english, String domain) {
	}

	private record Person(String name, Company company, String mobile, String email, String landline, String title,
			String city) {
	}

	/** Simplified → Traditional and Han → pinyin, with ICU (an independent reading of the text from the pool's). */
	private final Transliterator toTraditional = Transliterator.getInstance("Simplified-Traditional");

	private final Transliterator toPinyin = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");

	private final Random random;

	private final List<Row> rows = new ArrayList<>();

	private final int persons;

	private MessyChineseLeads(long seed, int persons) {
		this.random = new Random(seed);
		this.persons = persons;
	}

	/** Generates the rows: {@code persons} people, about 1.79 rows each, plus {@code badRows} rows with no contact. */
	static MessyChineseLeads generate(long seed, int persons, int badRows) {
		MessyChineseLeads file = new MessyChineseLeads(seed, persons);
		file.build(badRows);
		return file;
	}

	List<Row> rows() {
		return rows;
	}

	int persons() {
		return persons;
	}

	/** Writes the rows under these headers (in this order of columns), as CSV in this charset. */
	void write(Path path, List<String> headers, Charset charset) throws IOException {
		try (Writer out = Files.newBufferedWriter(path, charset); CsvWriter csv = CsvWriter.builder().build(out)) {
			csv.writeRecord(headers);
			for (Row row : rows) {
				csv.writeRecord(row.cells());
			}
		}
	}

	private void build(int badRows) {
		List<Company> companies = companies(Math.max(1, persons / 6));
		Set<String> mobiles = new HashSet<>();
		Set<String> emails = new HashSet<>();
		List<Person> people = new ArrayList<>(persons);
		for (int p = 0; p < persons; p++) {
			Company company = companies.get(random.nextInt(companies.size()));
			String name = SURNAMES.charAt(skewed(SURNAMES.length())) + GIVEN[skewed(GIVEN.length)];
			String mobile = random.nextInt(100) < 95 ? unique(mobiles, this::mobile) : null;
			String email = mobile == null || random.nextInt(100) < 85 ? unique(emails, () -> email(name, company)) : null;
			String landline = random.nextInt(100) < 12 ? landline() : null;
			people.add(new Person(name, company, mobile, email, landline, TITLES[random.nextInt(TITLES.length)],
					company.region() == null ? CITIES[random.nextInt(CITIES.length)] : company.region()));
		}
		for (int p = 0; p < persons; p++) {
			int r = random.nextInt(100);
			int count = r < 38 ? 1 : r < 83 ? 2 : 3;
			for (int i = 0; i < count; i++) {
				rows.add(new Row(p, row(people.get(p), i)));
			}
		}
		for (int i = 0; i < badRows; i++) {
			Person someone = people.get(random.nextInt(people.size()));
			String phone = i % 3 == 1 ? BAD_PHONES[random.nextInt(BAD_PHONES.length)] : "";
			String email = i % 3 == 2 ? BAD_EMAILS[random.nextInt(BAD_EMAILS.length)] : "";
			rows.add(new Row(-1, List.of(someone.name(), phone, email, "", companyName(someone.company()), "", "",
					"展会签到表")));
		}
		Collections.shuffle(rows, random);
	}

	/** One row of a person: which contacts it gives and how each is written. */
	private List<String> row(Person p, int nth) {
		boolean hasMobile = p.mobile() != null, hasEmail = p.email() != null;
		int r = random.nextInt(100);
		boolean mobile = hasMobile && (!hasEmail || r < 75);
		boolean email = hasEmail && (!hasMobile || r >= 25);
		boolean landline = p.landline() != null && random.nextInt(100) < 50;
		String mobileCell = mobile ? phoneVariant(p.mobile()) : "";
		String emailCell = email ? emailVariant(p.email()) : "";
		if (random.nextInt(100) < 3) { // one bad value next to a good one
			if (mobile && !email) {
				emailCell = BAD_EMAILS[random.nextInt(BAD_EMAILS.length)];
			}
			else if (email && !mobile) {
				mobileCell = BAD_PHONES[random.nextInt(BAD_PHONES.length)];
			}
		}
		String company = random.nextInt(100) < 2 ? "" : companyName(p.company());
		return List.of(nameVariant(p.name()), mobileCell, emailCell, landline ? landlineVariant(p.landline()) : "",
				company, nth == 0 ? p.title() : random.nextBoolean() ? p.title() : "", random.nextBoolean() ? p.city() : "",
				nth == 0 ? "" : random.nextBoolean() ? "再次到访" : "");
	}

	private List<Company> companies(int n) {
		List<Company> list = new ArrayList<>(n);
		Set<String> cores = new HashSet<>();
		while (list.size() < n) {
			if (random.nextInt(100) < 5) {
				String english = ENGLISH_COMPANIES[random.nextInt(ENGLISH_COMPANIES.length)] + " "
						+ (char) ('A' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
				if (cores.add(english.toLowerCase())) {
					list.add(new Company(null, null, null, english,
							english.toLowerCase().replaceAll("[^a-z]", "") + ".com"));
				}
				continue;
			}
			String core = BRAND[random.nextInt(BRAND.length)] + TRADE[random.nextInt(TRADE.length)];
			if (cores.add(core)) {
				String brand = core.substring(0, 2);
				list.add(new Company(CITIES[random.nextInt(CITIES.length)], core, LEGAL[skewed(LEGAL.length)], null,
						pinyin(brand).replace(" ", "") + list.size() + ".com.cn"));
			}
		}
		return list;
	}

	/** The company as one of its writers spells it. */
	private String companyName(Company c) {
		if (c.english() != null) {
			String name = c.english() + ENGLISH_LEGAL[random.nextInt(ENGLISH_LEGAL.length)];
			return switch (random.nextInt(4)) {
				case 0 -> name.toUpperCase();
				case 1 -> name.replace(" ", "  ");
				default -> name;
			};
		}
		String region = c.region(), core = c.core(), legal = c.legal();
		int r = random.nextInt(100);
		String name;
		if (r < 40) {
			name = region + core + legal;
		}
		else if (r < 52) {
			name = core + "（" + region + "）" + legal;
		}
		else if (r < 62) {
			name = core + "(" + region + ")" + legal;
		}
		else if (r < 70) {
			name = (WITH_SHI.contains(region) ? region + "市" : region) + core + legal;
		}
		else if (r < 78) {
			name = core + legal;
		}
		else if (r < 84) {
			name = region + core + (legal.equals("有限公司") ? "有限责任公司" : "有限公司");
		}
		else if (r < 90) {
			name = region + " " + core + " " + legal;
		}
		else if (r < 96) {
			name = traditional(region + core + legal);
		}
		else {
			name = region + core; // the short name people say
		}
		return name;
	}

	private String nameVariant(String name) {
		int r = random.nextInt(100);
		if (r < 8) {
			return name.charAt(0) + " " + name.substring(1);
		}
		if (r < 14) {
			return traditional(name);
		}
		if (r < 16) {
			return " " + name + " ";
		}
		return name;
	}

	private String mobile() {
		String prefix = random.nextInt(100) < 8 ? UNALLOCATED_PREFIXES[random.nextInt(UNALLOCATED_PREFIXES.length)]
				: MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)];
		return prefix + String.format("%08d", random.nextInt(100_000_000));
	}

	private String phoneVariant(String m) {
		String a = m.substring(0, 3), b = m.substring(3, 7), c = m.substring(7);
		return switch (random.nextInt(12)) {
			case 0 -> a + "-" + b + "-" + c;
			case 1 -> a + " " + b + " " + c;
			case 2 -> "+86 " + a + " " + b + " " + c;
			case 3 -> "(+86)" + m;
			case 4 -> "0086" + m;
			case 5 -> "86" + m;
			case 6 -> fullWidth(m);
			case 7 -> "+86-" + a + "-" + b + "-" + c;
			case 8 -> fullWidth(a + " " + b + " " + c);
			default -> m;
		};
	}

	private String landline() {
		String area = AREA_CODES[random.nextInt(AREA_CODES.length)];
		int digits = area.length() == 3 ? 8 : 7 + random.nextInt(2);
		String first = Integer.toString(2 + random.nextInt(7));
		StringBuilder local = new StringBuilder(first);
		while (local.length() < digits) {
			local.append(random.nextInt(10));
		}
		return area + "-" + local + (random.nextInt(100) < 30 ? "-" + (100 + random.nextInt(900)) : "");
	}

	private String landlineVariant(String landline) {
		String[] parts = landline.split("-");
		String local = parts[1].length() == 8 ? parts[1].substring(0, 4) + " " + parts[1].substring(4) : parts[1];
		String ext = parts.length > 2 ? parts[2] : null;
		return switch (random.nextInt(4)) {
			case 0 -> parts[0] + "-" + local + (ext == null ? "" : " 转 " + ext);
			case 1 -> "(" + parts[0] + ")" + parts[1] + (ext == null ? "" : "-" + ext);
			case 2 -> "+86 " + parts[0].substring(1) + " " + local + (ext == null ? "" : " ext. " + ext);
			default -> parts[0] + " " + local + (ext == null ? "" : "转" + ext);
		};
	}

	private String email(String name, Company company) {
		String pinyin = pinyin(name).replaceAll("[^a-z ]", "");
		String[] words = pinyin.strip().split("\\s+");
		String local = switch (random.nextInt(4)) {
			case 0 -> String.join("", words);
			case 1 -> words[0] + "." + String.join("", java.util.Arrays.copyOfRange(words, 1, words.length));
			case 2 -> String.join("", words) + (random.nextInt(900) + 100);
			default -> words[0].charAt(0) + String.join("", java.util.Arrays.copyOfRange(words, 1, words.length))
					+ random.nextInt(100);
		};
		String domain = random.nextInt(100) < 55 ? company.domain() : MAIL_DOMAINS[random.nextInt(MAIL_DOMAINS.length)];
		return local + "@" + domain;
	}

	private String emailVariant(String email) {
		return switch (random.nextInt(10)) {
			case 0 -> email.toUpperCase();
			case 1 -> email.replace("@", "＠");
			case 2 -> "<" + email + ">";
			case 3 -> "mailto:" + email;
			case 4 -> " " + email + " ";
			case 5 -> Character.toUpperCase(email.charAt(0)) + email.substring(1);
			default -> email;
		};
	}

	private String unique(Set<String> seen, java.util.function.Supplier<String> next) {
		for (;;) {
			String value = next.get();
			if (seen.add(value.toLowerCase())) {
				return value;
			}
		}
	}

	/** An index below {@code n}, the low ones more likely (names, legal forms: a few are common). */
	private int skewed(int n) {
		double u = random.nextDouble();
		return Math.min(n - 1, (int) (n * u * u));
	}

	private String traditional(String s) {
		return toTraditional.transliterate(s);
	}

	private String pinyin(String s) {
		return toPinyin.transliterate(s);
	}

	private static String fullWidth(String s) {
		StringBuilder out = new StringBuilder(s.length());
		s.chars().forEach(ch -> out.append(ch >= '0' && ch <= '9' ? (char) ('０' + ch - '0') : ch == ' ' ? '　' : (char) ch));
		return out.toString();
	}

	/** The rows of each person, by row number (1-based, the file's data rows). */
	Map<Integer, List<Long>> rowsByPerson() {
		Map<Integer, List<Long>> byPerson = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).person() >= 0) {
				byPerson.computeIfAbsent(rows.get(i).person(), k -> new ArrayList<>()).add((long) i + 1);
			}
		}
		return byPerson;
	}
}
