package com.leadflow.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A person's role in the buying committee (the A of BANT). */
public enum DecisionRole {
	DECISION_MAKER("决策者", "决策人", "拍板人", "decision maker", "decider", "dm"),
	INFLUENCER("影响者", "影响人", "推荐者", "influencer", "recommender", "champion"),
	USER("使用者", "用户", "最终用户", "end user", "user"),
	LEARNER("学习者", "了解者", "learner", "researcher");

	/** Title words per role, checked in this order (总经理 is a decision maker before 经理 makes an influencer). */
	private static final List<Map.Entry<DecisionRole, List<String>>> TITLE_WORDS = List.of(
			Map.entry(DECISION_MAKER, List.of("董事长", "董事", "总裁", "总经理", "首席", "总监", "副总", "总工", "创始人", "合伙人", "负责人",
					"ceo", "cto", "cio", "cfo", "coo", "cmo", "cdo", "cso", "vp", "vice president", "president", "chief",
					"director", "head of", "founder", "owner", "partner", "general manager", "gm")),
			Map.entry(INFLUENCER, List.of("经理", "主管", "主任", "架构师", "采购", "组长", "manager", "lead", "architect",
					"procurement", "purchasing", "buyer", "supervisor", "principal")),
			Map.entry(USER, List.of("工程师", "专员", "分析师", "开发", "运维", "顾问", "助理", "engineer", "specialist", "analyst",
					"developer", "consultant", "administrator", "admin", "assistant", "operator")),
			Map.entry(LEARNER, List.of("学生", "实习", "研究生", "student", "intern", "trainee")));

	private final List<String> spellings;

	DecisionRole(String... spellings) {
		this.spellings = List.of(spellings);
	}

	/** A role given as text: its name ({@code DECISION_MAKER}) or a Chinese or English spelling ({@code 决策者}). */
	public static Optional<DecisionRole> fromText(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String t = text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
		for (DecisionRole role : values()) {
			if (role.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(t) || role.spellings.contains(t)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	/** The role a job title suggests ({@code 采购经理} → influencer, {@code CTO} → decision maker), if any. */
	public static Optional<DecisionRole> fromTitle(String title) {
		if (title == null || title.isBlank()) {
			return Optional.empty();
		}
		String t = " " + title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
		for (Map.Entry<DecisionRole, List<String>> words : TITLE_WORDS) {
			for (String word : words.getValue()) {
				boolean latin = word.chars().allMatch(c -> c < 128);
				if (latin ? t.contains(" " + word + " ") : t.contains(word)) {
					return Optional.of(words.getKey());
				}
			}
		}
		return Optional.empty();
	}
}
