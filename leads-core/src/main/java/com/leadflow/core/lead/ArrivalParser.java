package com.leadflow.core.lead;

import java.time.Instant;
import java.util.Arrays;
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
import com.leadflow.core.DecisionRole;
import com.leadflow.core.Resolution.Warning;
import com.leadflow.core.identity.IdentityKey;
import com.leadflow.core.identity.IdentityKind;
import com.leadflow.core.identity.InvalidArrivalException;
import com.leadflow.core.identity.InvalidArrivalException.FieldProblem;
import com.leadflow.core.identity.Normalizer;

/**
 * Validates and normalises an arrival: the one parser of every path into the pool (single arrivals, batches, import
 * rows, dry runs). Every problem is reported with its field, all at once. An invalid e-mail or phone drops that value
 * with a warning while another identity key remains (a strict arrival is rejected instead); the arrival is rejected
 * when no usable identity key is left.
 */
final class ArrivalParser {

	/**
	 * An arrival ready for resolution: normalised identity keys and profile fields.
	 * @param unverified the phone keys that are possible numbers but not known to be allocated
	 * @param warnings what was dropped or read differently than given
	 */
	record Parsed(Set<IdentityKey> keys, Set<IdentityKey> unverified, Map<String, String> fields,
			Arrival.CompanyInfo company, Map<String, Object> attributes, TouchInput touch, String source,
			ConsentGiven consent, List<Warning> warnings) {

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
		Set<IdentityKey> unverified = new LinkedHashSet<>();
		List<FieldProblem> dropped = new ArrayList<>();
		List<Warning> warnings = new ArrayList<>();
		collect(person.emails(), "email", EMAIL_SEPARATORS, raw -> Normalizer.email(raw).map(e -> new Key(e, true)),
				IdentityKind.EMAIL, "is not a valid e-mail address", keys, unverified, dropped);
		collect(person.phones(), "phone", PHONE_SEPARATORS,
				raw -> Normalizer.phoneNumber(raw).map(p -> new Key(p.e164(), p.verified())), IdentityKind.PHONE,
				"is not a valid phone number", keys, unverified, dropped);
		unverified.forEach(k -> warnings.add(new Warning("phone", "'" + k.value()
				+ "' is kept as an unverified number: its prefix is not known to be allocated")));
		optionalKey(person.wechatUnionId(), IdentityKind.WECHAT_UNIONID, keys);
		optionalKey(person.wechatOpenId(), IdentityKind.WECHAT_OPENID, keys);
		optionalKey(person.crmContactId(), IdentityKind.CRM_CONTACT, keys);

		TouchInput touch = arrival.touch();
		if (touch == null || touch.action() == null) {
			problems.add(new FieldProblem("touch.action", "is required"));
		}
		ConsentGiven consent = touch == null ? null : consent(touch.payload().get("consent"), problems);
		if (arrival.strict() || keys.isEmpty()) {
			problems.addAll(dropped); // nothing to keep them for: they say why the arrival is refused
		}
		else {
			dropped.forEach(p -> warnings.add(new Warning(p.field(), "dropped: " + p.message())));
		}
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
		DecisionRole role = person.decisionRole();
		if (role == null) {
			role = DecisionRole.fromTitle(Normalizer.text(person.title())).orElse(null); // 总监, CTO, 采购 …
		}
		put(fields, "decision_role", role == null ? null : role.name());
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
		return new Parsed(keys, unverified, fields, arrival.company(), person.attributes(), normalisedTouch, source, consent,
				List.copyOf(warnings));
	}

	/** The arrival's first phone (E.164), if any. */
	static String firstPhone(Parsed arrival) {
		return arrival.keys().stream().filter(k -> k.kind() == IdentityKind.PHONE).map(IdentityKey::value)
			.filter(Normalizer::isMobile).findFirst().orElse(null);
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

	/** A normalised key value and whether it is verified. */
	private record Key(String value, boolean verified) {
	}

	/** What separates several e-mails or phones in one value (a list cell, a form's free text). */
	private static final java.util.regex.Pattern EMAIL_SEPARATORS = java.util.regex.Pattern.compile("[;,，；、\\s]+");

	private static final java.util.regex.Pattern PHONE_SEPARATORS = java.util.regex.Pattern.compile("[;,，；、/|]+");

	private static void collect(List<String> raws, String field, java.util.regex.Pattern separators,
			java.util.function.Function<String, Optional<Key>> normaliser, IdentityKind kind, String message,
			Set<IdentityKey> keys, Set<IdentityKey> unverified, List<FieldProblem> dropped) {
		for (int i = 0; i < raws.size(); i++) {
			String raw = raws.get(i);
			String text = Normalizer.text(raw);
			if (text == null) {
				continue;
			}
			Optional<Key> whole = normaliser.apply(text);
			List<String> parts = whole.isPresent() ? List.of(text) : Arrays.asList(separators.split(text));
			for (String part : parts) {
				Optional<Key> value = part == text ? whole : normaliser.apply(part);
				if (value.isPresent()) {
					IdentityKey key = new IdentityKey(kind, value.get().value());
					keys.add(key);
					if (!value.get().verified()) {
						unverified.add(key);
					}
				}
				else if (!part.isBlank()) {
					dropped.add(new FieldProblem(raws.size() == 1 ? field : field + "s[" + i + "]",
							"'" + abbreviate(part) + "' " + message));
				}
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
