package com.leadflow.campaigns.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.ingestion.IngestionService.Ingest;
import com.leadflow.core.Arrival;
import com.leadflow.core.DecisionRole;
import com.leadflow.core.TouchAction;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One channel touch as an integrator sends it. {@code idempotencyKey} is required: sending the same key again (a
 * retry) never adds a second touch. {@code seriesId} empty means the default series 400Inbound.
 */
record IngestRequest(@NotBlank @Size(max = 200) String idempotencyKey, Long seriesId, @NotNull Channel channel,
		TouchAction action, Instant occurredAt, @Size(max = 200) String name, @Size(max = 320) String email,
		@Size(max = 40) String phone, @Size(max = 200) String title, DecisionRole decisionRole,
		@Size(max = 300) String company, @Size(max = 100) String industry, @Size(max = 50) String companySize,
		@Size(max = 100) String region, @Size(max = 100) String province, @Size(max = 100) String city,
		@Size(max = 100) String budget, @Size(max = 2000) String need, @Size(max = 100) String timeframe,
		@Size(max = 100) String wechatUnionId, @Size(max = 100) String wechatOpenId, @Size(max = 100) String crmContactId,
		@Size(max = 200) String contentId, Integer minutes, @Size(max = 200) String utmSource,
		@Size(max = 200) String utmMedium, @Size(max = 200) String utmCampaign, Map<String, Object> payload,
		@Schema(description = "true: an invalid e-mail or phone rejects the touch; default false: the value is dropped "
				+ "with a warning when another identity remains") Boolean strict) {

	Ingest toIngest() {
		Arrival.Person person = new Arrival.Person(name, title, decisionRole, email == null ? List.of() : List.of(email),
				phone == null ? List.of() : List.of(phone), wechatUnionId, wechatOpenId, crmContactId, region, province,
				city, budget, need, timeframe, null, null);
		Arrival.CompanyInfo companyInfo = company == null || company.isBlank() ? null
				: new Arrival.CompanyInfo(company, industry, companySize, region);
		Map<String, Object> touchPayload = new LinkedHashMap<>(payload == null ? Map.of() : payload);
		put(touchPayload, "utmSource", utmSource);
		put(touchPayload, "utmMedium", utmMedium);
		put(touchPayload, "utmCampaign", utmCampaign);
		Arrival.TouchInput touch = new Arrival.TouchInput(action, channel.name(), seriesId, occurredAt, minutes, contentId,
				touchPayload, idempotencyKey);
		return new Ingest(seriesId, channel, new Arrival(person, companyInfo, touch, channel.name(),
				Boolean.TRUE.equals(strict)));
	}

	private static void put(Map<String, Object> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value);
		}
	}
}
