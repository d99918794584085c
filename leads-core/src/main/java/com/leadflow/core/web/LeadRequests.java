package com.leadflow.core.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.leadflow.core.Arrival;
import com.leadflow.core.DecisionRole;
import com.leadflow.core.TouchAction;
import com.leadflow.core.identity.InvalidArrivalException;
import com.leadflow.core.identity.InvalidArrivalException.FieldProblem;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the lead API, and their translation into the pool's {@link Arrival}. */
final class LeadRequests {

	private LeadRequests() {
	}

	@Schema(description = "A person arriving through a channel, with the touch that brought them. "
			+ "At least one of email, phone, wechatUnionId, wechatOpenId, crmContactId is required.")
	record ArrivalRequest(@Size(max = 200) String name, @Size(max = 200) String title,
			@Schema(description = "DECISION_MAKER, INFLUENCER, USER or LEARNER") String decisionRole,
			@Size(max = 254) String email, @Size(max = 40) String phone, @Size(max = 10) List<@Size(max = 254) String> emails,
			@Size(max = 10) List<@Size(max = 40) String> phones, @Size(max = 128) String wechatUnionId,
			@Size(max = 128) String wechatOpenId, @Size(max = 128) String crmContactId, @Size(max = 100) String region,
			@Size(max = 100) String province, @Size(max = 100) String city, @Size(max = 100) String budget,
			@Size(max = 500) String need, @Size(max = 100) String timeframe, @Size(max = 100) String owner,
			@Size(max = 50) Map<String, Object> attributes, @Valid CompanyRequest company,
			@NotNull @Valid TouchRequest touch,
			@Schema(description = "Where the data comes from, e.g. WEB_FORM, IMPORT, API, CRM, SDR (drives survivorship)")
			@Size(max = 40) String source,
			@Schema(description = "true: an invalid e-mail or phone rejects the arrival; default false: the value is "
					+ "dropped with a warning when another identity remains") Boolean strict) {
	}

	record CompanyRequest(@Size(max = 200) String name, @Size(max = 100) String industry,
			@Size(max = 40) String sizeBand, @Size(max = 100) String region) {
	}

	record TouchRequest(@Schema(description = "FORM_SUBMIT, WEBINAR_REGISTER, WEBINAR_ATTEND, WHITEPAPER_DOWNLOAD, …")
	@NotNull String action, @Size(max = 40) String channel, Long seriesId, Instant occurredAt,
			@Min(0) @Max(100_000) Integer minutes, @Size(max = 200) String contentId,
			@Size(max = 50) Map<String, Object> payload, @Size(max = 200) String idempotencyKey) {
	}

	record TagRequest(@NotNull @Size(min = 1, max = 100) String tag) {
	}

	record MergeRequest(@NotNull Long absorbLeadId, @Size(max = 500) String reason) {
	}

	record CompanySaveRequest(@NotNull @Size(min = 1, max = 200) String name, @Size(max = 100) String industry,
			@Size(max = 40) String sizeBand, @Size(max = 100) String region, Boolean existingCustomer,
			@Size(max = 128) String crmAccountId, @Size(max = 100) String owner) {
	}

	static Arrival toArrival(ArrivalRequest r) {
		List<FieldProblem> problems = new ArrayList<>();
		DecisionRole role = enumValue(DecisionRole.class, r.decisionRole(), "decisionRole", problems);
		TouchAction action = enumValue(TouchAction.class, r.touch().action(), "touch.action", problems);
		if (!problems.isEmpty()) {
			throw new InvalidArrivalException("invalid-lead", "The lead data has " + problems.size() + " invalid field(s).",
					problems);
		}
		List<String> emails = new ArrayList<>();
		if (r.email() != null) {
			emails.add(r.email());
		}
		if (r.emails() != null) {
			emails.addAll(r.emails());
		}
		List<String> phones = new ArrayList<>();
		if (r.phone() != null) {
			phones.add(r.phone());
		}
		if (r.phones() != null) {
			phones.addAll(r.phones());
		}
		Arrival.Person person = new Arrival.Person(r.name(), r.title(), role, emails, phones, r.wechatUnionId(),
				r.wechatOpenId(), r.crmContactId(), r.region(), r.province(), r.city(), r.budget(), r.need(),
				r.timeframe(), r.owner(), r.attributes());
		CompanyRequest c = r.company();
		TouchRequest t = r.touch();
		return new Arrival(person, c == null ? null : new Arrival.CompanyInfo(c.name(), c.industry(), c.sizeBand(), c.region()),
				new Arrival.TouchInput(action, t.channel(), t.seriesId(), t.occurredAt(), t.minutes(), t.contentId(),
						t.payload(), t.idempotencyKey()),
				r.source(), Boolean.TRUE.equals(r.strict()));
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String field, List<FieldProblem> problems) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldProblem(field, "'" + raw + "' is not one of " + List.of(type.getEnumConstants())));
			return null;
		}
	}
}
