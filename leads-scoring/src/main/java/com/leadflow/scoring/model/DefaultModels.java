package com.leadflow.scoring.model;

import java.util.List;

import com.leadflow.scoring.model.ModelDefinition.ActionOverride;
import com.leadflow.scoring.model.ModelDefinition.ActionRule;
import com.leadflow.scoring.model.ModelDefinition.Bands;
import com.leadflow.scoring.model.ModelDefinition.Behaviour;
import com.leadflow.scoring.model.ModelDefinition.FitCriterion;
import com.leadflow.scoring.model.ModelDefinition.Grades;
import com.leadflow.scoring.model.ModelDefinition.ScoreGroup;

/**
 * The model shipped as the active {@code default} model: behaviour weights after the Microsoft China example (a
 * watched live stream or webinar weighs most, a WeChat follow little; bands 150 / 300) and the BANT criteria of the
 * Fluke example (budget confirmed, decision maker, clear need, purchase within 3 / 6 / 12 months).
 */
public final class DefaultModels {

	public static final String DEFAULT_SCOPE = "default";

	public static final String DEFAULT_GROUP = "default";

	/** Behaviour points halve every 90 days. */
	public static final double HALF_LIFE_DAYS = 90;

	private DefaultModels() {
	}

	public static ModelDefinition definition() {
		return new ModelDefinition(List.of(new ScoreGroup(DEFAULT_GROUP, bant(), behaviour(), new Bands(150, 300),
				new Grades(150, 90, 40))));
	}

	/** The Fluke BANT set plus profile criteria. */
	public static List<FitCriterion> bant() {
		return List.of(
				eq("budget-confirmed", "Budget confirmed", "BUDGET", 40, "yes", "confirmed", "approved", "allocated",
						"有", "已确认", "已批准"),
				between("budget-100k", "Budget of 100,000 or more", "BUDGET", 100_000.0, null, 40),
				eq("budget-none", "No budget", "BUDGET", -20, "no", "none", "无", "没有"),
				eq("decision-maker", "Decision maker", "AUTHORITY", 50, "DECISION_MAKER"),
				eq("influencer", "Influencer", "AUTHORITY", 30, "INFLUENCER"),
				eq("user", "User", "AUTHORITY", 10, "USER"),
				eq("learner", "Learner only", "AUTHORITY", -10, "LEARNER"),
				eq("need-clear", "Clear, stated need", "NEED", 40, "clear", "defined", "confirmed", "urgent", "明确"),
				eq("need-vague", "Vague need", "NEED", 10, "vague", "exploring", "unclear", "不明确"),
				between("buy-3m", "Purchase within 3 months", "TIMEFRAME", 0.0, 3.0, 50),
				between("buy-6m", "Purchase within 6 months", "TIMEFRAME", 4.0, 6.0, 30),
				between("buy-12m", "Purchase within 12 months", "TIMEFRAME", 7.0, 12.0, 15),
				between("buy-later", "Purchase later than 12 months", "TIMEFRAME", 13.0, null, -10),
				new FitCriterion("title-senior", "Senior title", "TITLE", "CONTAINS",
						List.of("director", "head of", "vp", "vice president", "chief", "ceo", "cto", "cio", "owner",
								"manager", "总监", "经理", "总经理", "主管"),
						null, null, 20),
				new FitCriterion("title-student", "Student or intern", "TITLE", "CONTAINS",
						List.of("student", "intern", "学生", "实习"), null, null, -30),
				between("company-large", "Company of 500+ employees", "COMPANY_SIZE", 500.0, null, 20),
				between("company-mid", "Company of 100-499 employees", "COMPANY_SIZE", 100.0, 499.0, 10));
	}

	/** The Microsoft China behaviour weights. */
	public static Behaviour behaviour() {
		return new Behaviour(List.of(
				action("LIVE_STREAM_VIEW", 40, 10, 25, 12, null),
				action("WEBINAR_ATTEND", 40, 10, 25, 12, null),
				action("WEBINAR_REGISTER", 15, 0, 0, null, null),
				action("WHITEPAPER_DOWNLOAD", 40, 0, 0, null, 120),
				action("EVENT_REGISTER", 20, 0, 0, null, null),
				action("EVENT_CHECKIN", 80, 0, 0, null, null),
				action("FORM_SUBMIT", 25, 0, 0, null, 75),
				action("TRIAL_REQUEST", 150, 0, 0, null, null),
				action("TRIAL_START", 100, 0, 0, null, null),
				action("DEMO_REQUEST", 150, 0, 0, null, null),
				action("CALL_INBOUND", 60, 0, 0, null, null),
				action("WECHAT_FOLLOW", 5, 0, 0, null, null),
				action("WECHAT_MESSAGE", 5, 0, 0, null, 25),
				action("EMAIL_OPEN", 2, 0, 0, null, 10),
				action("EMAIL_CLICK", 8, 0, 0, null, 40),
				action("PAGE_VIEW", 2, 5, 5, 12, 60), // time on page counts: +5 per 5 minutes
				action("CONTENT_SHARE", 10, 0, 0, null, 30),
				new ActionRule("EMAIL_BOUNCE", -20, null, null, null, null, null, false),
				new ActionRule("UNSUBSCRIBE", -100, null, null, null, null, null, false)),
				List.of(new ActionOverride("PAGE_VIEW", null, "pricing", 15)), HALF_LIFE_DAYS, List.of(), -200);
	}

	private static ActionRule action(String action, int points, int minutesPerStep, int pointsPerStep,
			Integer maxSteps, Integer capPer30Days) {
		return new ActionRule(action, points, minutesPerStep == 0 ? null : minutesPerStep,
				pointsPerStep == 0 ? null : pointsPerStep, maxSteps, capPer30Days, capPer30Days == null ? null : 30, true);
	}

	private static FitCriterion eq(String id, String label, String attribute, int points, String... values) {
		return new FitCriterion(id, label, attribute, "EQUALS", List.of(values), null, null, points);
	}

	private static FitCriterion between(String id, String label, String attribute, Double min, Double max, int points) {
		return new FitCriterion(id, label, attribute, "BETWEEN", List.of(), min, max, points);
	}
}
