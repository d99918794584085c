package com.leadflow.core.lead;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rules of the lead pool ({@code leadflow.lead-pool.*}).
 * @param sourcePriority data sources, most trusted first (for fields whose rule is SOURCE_PRIORITY)
 * @param fieldRules survivorship rule per profile field; fields not listed use MOST_RECENT, company uses MOST_COMPLETE
 * @param completeFields what makes a profile complete: {@code name}, {@code contact} (mobile or e-mail), {@code company},
 * {@code title}, {@code industry}, {@code region}, or any other profile field
 * @param tagRules automatic tags from touches; {@code {content}} in a tag is replaced by the touch's content id
 * @param duplicateSimilarity pg_trgm name similarity from which two leads of one company are duplicate candidates
 */
@ConfigurationProperties("leadflow.lead-pool")
public record LeadPoolProperties(List<String> sourcePriority, Map<String, Survivorship.Rule> fieldRules,
		List<String> completeFields, List<TagRule> tagRules, Double duplicateSimilarity) {

	/** Tag a lead when a touch of {@code action} (and, if given, {@code content}) arrives. */
	public record TagRule(String action, String content, String tag) {
	}

	public LeadPoolProperties {
		sourcePriority = sourcePriority == null ? List.of("CRM", "SALES", "SDR", "IMPORT", "API", "WEB_FORM")
				: List.copyOf(sourcePriority);
		fieldRules = fieldRules == null ? Map.of() : Map.copyOf(fieldRules);
		completeFields = completeFields == null ? List.of("name", "contact", "company", "title", "industry", "region")
				: List.copyOf(completeFields);
		tagRules = tagRules == null ? List.of(new TagRule("WHITEPAPER_DOWNLOAD", null, "interest:{content}"),
				new TagRule("WEBINAR_ATTEND", null, "webinar:{content}"), new TagRule("TRIAL_START", null, "trial"))
				: List.copyOf(tagRules);
		duplicateSimilarity = duplicateSimilarity == null ? 0.6 : duplicateSimilarity;
	}
}
