package com.leadflow.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One arrival in the pool: what a channel knows about a person and their company, plus the touch that brought them.
 * At least one identity key (e-mail, phone, WeChat unionId/openId, CRM contact id) is required.
 *
 * @param source where the data comes from (e.g. {@code WEB_FORM}, {@code IMPORT}, {@code CRM}); drives survivorship
 * @param strict whether an invalid e-mail or phone rejects the arrival; otherwise (the default) the field is dropped
 *        with a warning ({@link Resolution#warnings}) while another usable identity key remains
 */
public record Arrival(Person person, CompanyInfo company, TouchInput touch, String source, boolean strict) {

	public Arrival(Person person, CompanyInfo company, TouchInput touch, String source) {
		this(person, company, touch, source, false);
	}

	/** What is known about the person; every field may be null. Raw values: the pool normalises them. */
	public record Person(String name, String title, DecisionRole decisionRole, List<String> emails, List<String> phones,
			String wechatUnionId, String wechatOpenId, String crmContactId, String region, String province, String city,
			String budget, String need, String timeframe, String owner, Map<String, Object> attributes) {

		public Person {
			emails = emails == null ? List.of() : List.copyOf(emails);
			phones = phones == null ? List.of() : List.copyOf(phones);
			attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
		}

		public static Person of(String name, String email, String phone) {
			return new Person(name, null, null, email == null ? List.of() : List.of(email),
					phone == null ? List.of() : List.of(phone), null, null, null, null, null, null, null, null, null,
					null, null);
		}
	}

	/** The person's company (account) as the channel gave it. */
	public record CompanyInfo(String name, String industry, String sizeBand, String region) {
	}

	/**
	 * The touch of this arrival.
	 * @param idempotencyKey a retried arrival with the same key adds no second touch
	 */
	public record TouchInput(TouchAction action, String channel, Long seriesId, Instant occurredAt, Integer minutes,
			String contentId, Map<String, Object> payload, String idempotencyKey) {

		public TouchInput {
			payload = payload == null ? Map.of() : Map.copyOf(payload);
		}

		public static TouchInput of(TouchAction action, String channel, Instant occurredAt) {
			return new TouchInput(action, channel, null, occurredAt, null, null, null, null);
		}
	}
}
