package com.leadflow.campaigns.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.leadflow.campaigns.Channel;
import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.CompanyInfo;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;

/**
 * Turns one import row into an arrival for the lead pool, or into the reasons it cannot be one (each naming its
 * column). The checks here are the cheap ones a dry run can make; the pool's normalisation (phone parsing) may still
 * reject a row when it is stored.
 */
public final class RowMapper {

	/** Why a row (or one of its cells) was rejected. {@code column} is the header, or empty for the whole row. */
	public record RowProblem(String column, String reason) {
	}

	/** The outcome of mapping one row: an arrival, or problems. */
	public record Mapped(Arrival arrival, List<RowProblem> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern PHONE_CHARS = Pattern.compile("^[+0-9()\\-\\s.,;/转ext]+$", Pattern.CASE_INSENSITIVE);

	private static final int MAX_CELL = 2000;

	private final List<String> headers;

	private final Map<Integer, LeadField> columns;

	private final long seriesId;

	private final Channel channel;

	private final String keyPrefix;

	/**
	 * @param columns which field each column index fills (unlisted columns are ignored)
	 * @param keyPrefix the per-row idempotency key is {@code keyPrefix + rowNo}
	 */
	public RowMapper(List<String> headers, Map<Integer, LeadField> columns, long seriesId, Channel channel,
			String keyPrefix) {
		this.headers = List.copyOf(headers);
		this.columns = Map.copyOf(columns);
		this.seriesId = seriesId;
		this.channel = channel;
		this.keyPrefix = keyPrefix;
	}

	public Mapped map(SourceRow row, Instant at) {
		Map<LeadField, String> values = new EnumMap<>(LeadField.class);
		List<RowProblem> problems = new ArrayList<>();
		columns.forEach((index, field) -> {
			String cell = row.cell(index);
			if (cell == null || cell.isEmpty()) {
				return;
			}
			if (cell.length() > MAX_CELL) {
				problems.add(new RowProblem(header(index), "is longer than " + MAX_CELL + " characters"));
				return;
			}
			values.merge(field, cell, (a, b) -> a + " " + b);
		});
		String email = values.get(LeadField.EMAIL);
		if (email != null && !EMAIL.matcher(email).matches()) {
			problems.add(new RowProblem(headerOf(LeadField.EMAIL), "'" + email + "' is not an e-mail address"));
		}
		List<String> phones = new ArrayList<>();
		for (LeadField f : List.of(LeadField.MOBILE, LeadField.PHONE)) {
			String phone = values.get(f);
			if (phone == null) {
				continue;
			}
			long digits = phone.chars().filter(Character::isDigit).count();
			if (!PHONE_CHARS.matcher(phone).matches() || digits < 7 || digits > 20) {
				problems.add(new RowProblem(headerOf(f), "'" + phone + "' is not a phone number"));
			}
			else {
				phones.add(phone);
			}
		}
		boolean hasIdentity = values.keySet().stream().anyMatch(LeadField::isIdentity);
		if (!hasIdentity) {
			problems.add(new RowProblem("", "needs an e-mail, a phone, a WeChat id or a CRM contact id"));
		}
		if (!problems.isEmpty()) {
			return new Mapped(null, problems);
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		put(attributes, "department", values.get(LeadField.DEPARTMENT));
		put(attributes, "notes", values.get(LeadField.NOTES));
		Person person = new Person(values.get(LeadField.NAME), values.get(LeadField.TITLE), null,
				email == null ? List.of() : List.of(email), phones, values.get(LeadField.WECHAT_UNIONID),
				values.get(LeadField.WECHAT_OPENID), values.get(LeadField.CRM_CONTACT_ID), values.get(LeadField.REGION),
				values.get(LeadField.PROVINCE), values.get(LeadField.CITY), values.get(LeadField.BUDGET),
				values.get(LeadField.NEED), values.get(LeadField.TIMEFRAME), values.get(LeadField.OWNER), attributes);
		String companyName = values.get(LeadField.COMPANY);
		CompanyInfo company = companyName == null ? null
				: new CompanyInfo(companyName, values.get(LeadField.INDUSTRY), values.get(LeadField.COMPANY_SIZE),
						values.get(LeadField.REGION));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("importRow", row.rowNo());
		put(payload, "utmSource", values.get(LeadField.UTM_SOURCE));
		put(payload, "utmMedium", values.get(LeadField.UTM_MEDIUM));
		put(payload, "utmCampaign", values.get(LeadField.UTM_CAMPAIGN));
		TouchInput touch = new TouchInput(channel.defaultAction(), channel.name(), seriesId, at, null, null, payload,
				keyPrefix + row.rowNo());
		return new Mapped(new Arrival(person, company, touch, "IMPORT"), List.of());
	}

	private String header(int index) {
		return index < headers.size() ? headers.get(index) : "#" + (index + 1);
	}

	private String headerOf(LeadField field) {
		return columns.entrySet().stream().filter(e -> e.getValue() == field).map(e -> header(e.getKey())).findFirst()
			.orElse(field.name());
	}

	private static void put(Map<String, Object> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}
}
