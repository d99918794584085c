package com.leadflow.core.lead;

import java.util.Arrays;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.ConsentPurpose;
import com.leadflow.core.identity.IdentityKey;
import com.leadflow.core.identity.IdentityKind;
import com.leadflow.core.identity.InvalidArrivalException;
import com.leadflow.core.identity.InvalidArrivalException.FieldProblem;
import com.leadflow.core.identity.Normalizer;

/** Validates and normalises an arrival; every problem is reported with its field, all at once. */
final class ArrivalParser {

	/** An arrival ready for resolution: normalised identity keys and profile fields. */
	record Parsed(Set<IdentityKey> keys, Map<String, String> fields, Arrival.CompanyInfo company,
			Map<String, Object> attributes, TouchInput touch, String source, ConsentGiven consent) {

		Instant at() {
			return touch.occurredAt();
		}
	}

	/**
	 * Consent collected with the touch (a form's check boxes), given as touch payload
	 * {@code "consent": {"purposes": ["MARKETING_EMAIL", ...], "textVersion": "form-2026-11"}}.
	 */
	record ConsentGiven(List<ConsentPurpose> purposes, String textVersion) {
	}

	private ArrivalParser() {
	}

	static Parsed parse(Arrival arrival, Instant now) {
		List<FieldProblem> problems = new ArrayList<>();
		Arrival.Person person = arrival.person();
		if (person == null) {
			throw new InvalidArrivalException("no-identity", "An arrival needs a person.",
					List.of(new FieldProblem("person", "is required")));
		}
		Set<IdentityKey> keys = new LinkedHashSet<>();
		collect(person.emails(), "email", IdentityKind.EMAIL, Normalizer::email, "is not a valid e-mail address", keys,
				problems);
		collect(person.phones(), "phone", IdentityKind.PHONE, Normalizer::phone, "is not a valid phone number", keys,
				problems);
		optionalKey(person.wechatUnionId(), IdentityKind.WECHAT_UNIONID, keys);
		optionalKey(person.wechatOpenId(), IdentityKind.WECHAT_OPENID, keys);
		optionalKey(person.crmContactId(), IdentityKind.CRM_CONTACT, keys);

		TouchInput touch = arrival.touch();
		if (touch == null || touch.action() == null) {
			problems.add(new FieldProblem("touch.action", "is required"));
		}
		ConsentGiven consent = touch == null ? null : consent(touch.payload().get("consent"), problems);
		if (!problems.isEmpty()) {
			throw new InvalidArrivalException("invalid-lead", "The lead data has " + problems.size() + " invalid field(s).",
					problems);
		}
		if (keys.isEmpty()) {
			throw new InvalidArrivalException("no-identity",
					"A lead needs at least one identity key: e-mail, phone, WeChat unionId/openId or CRM contact id.",
					List.of(new FieldProblem("email", "give an e-mail, a phone, a WeChat id or a CRM contact id")));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		put(fields, "name", person.name());
		put(fields, "title", person.title());
		put(fields, "decision_role", person.decisionRole() == null ? null : person.decisionRole().name());
		put(fields, "region", person.region());
		put(fields, "province", person.province());
		put(fields, "city", person.city());
		put(fields, "owner", person.owner());
		put(fields, "budget", person.budget());
		put(fields, "need", person.need());
		put(fields, "timeframe", person.timeframe());
		Instant occurredAt = touch.occurredAt() == null ? now : touch.occurredAt();
		TouchInput normalisedTouch = new TouchInput(touch.action(), Normalizer.text(touch.channel()), touch.seriesId(),
				occurredAt, touch.minutes(), Normalizer.text(touch.contentId()), touch.payload(),
				Normalizer.text(touch.idempotencyKey()));
		String source = Optional.ofNullable(Normalizer.text(arrival.source())).orElse("API").toUpperCase(Locale.ROOT);
		return new Parsed(keys, fields, arrival.company(), person.attributes(), normalisedTouch, source, consent);
	}

	/** The arrival's first phone (E.164), if any. */
	static String firstPhone(Parsed arrival) {
		return arrival.keys().stream().filter(k -> k.kind() == IdentityKind.PHONE).map(IdentityKey::value).findFirst()
			.orElse(null);
	}

	private static ConsentGiven consent(Object raw, List<FieldProblem> problems) {
		if (raw == null) {
			return null;
		}
		String field = "touch.payload.consent";
		if (!(raw instanceof Map<?, ?> given) || !(given.get("purposes") instanceof List<?> names) || names.isEmpty()
				|| !(given.get("textVersion") instanceof String text) || Normalizer.text(text) == null) {
			problems.add(new FieldProblem(field,
					"must be {\"purposes\": [one or more of " + Arrays.toString(ConsentPurpose.values())
							+ "], \"textVersion\": the consent text's version}"));
			return null;
		}
		List<ConsentPurpose> purposes = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			Object name = names.get(i);
			Optional<ConsentPurpose> purpose = Arrays.stream(ConsentPurpose.values())
				.filter(p -> p.name().equals(name))
				.findFirst();
			if (purpose.isPresent()) {
				purposes.add(purpose.get());
			}
			else {
				problems.add(new FieldProblem(field + ".purposes[" + i + "]",
						"must be one of " + Arrays.toString(ConsentPurpose.values())));
			}
		}
		return new ConsentGiven(List.copyOf(purposes), Normalizer.text(text));
	}

	private static void collect(List<String> raws, String field, IdentityKind kind,
			java.util.function.Function<String, Optional<String>> normaliser, String message, Set<IdentityKey> keys,
			List<FieldProblem> problems) {
		for (int i = 0; i < raws.size(); i++) {
			String raw = raws.get(i);
			if (Normalizer.text(raw) == null) {
				continue;
			}
			Optional<String> value = normaliser.apply(raw);
			if (value.isPresent()) {
				keys.add(new IdentityKey(kind, value.get()));
			}
			else {
				problems.add(new FieldProblem(raws.size() == 1 ? field : field + "s[" + i + "]",
						"'" + abbreviate(raw) + "' " + message));
			}
		}
	}

	private static void optionalKey(String raw, IdentityKind kind, Set<IdentityKey> keys) {
		String value = Normalizer.text(raw);
		if (value != null) {
			keys.add(new IdentityKey(kind, value));
		}
	}

	private static void put(Map<String, String> fields, String field, String raw) {
		String value = Normalizer.text(raw);
		if (value != null) {
			fields.put(field, value);
		}
	}

	private static String abbreviate(String raw) {
		return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
	}
}
