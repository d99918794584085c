package com.leadflow.campaigns.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.leadflow.campaigns.Channel;
import com.leadflow.core.Arrival;
import com.leadflow.core.Arrival.CompanyInfo;
import com.leadflow.core.Arrival.Person;
import com.leadflow.core.Arrival.TouchInput;
import com.leadflow.core.DecisionRole;

/**
 * Turns one import row into an arrival for the lead pool: cells to fields, nothing more. Validation and normalisation
 * are the pool's ({@code LeadPool.resolve}, the same for every path into it); here only what belongs to a file: a cell
 * too long to be a value is left out, and a decision-role cell is read as a role.
 */
public final class RowMapper {

	/** Why a row (or one of its cells) was rejected or left out. {@code column} is the header, or empty for the row. */
	public record RowProblem(String column, String reason) {
	}

	/**
	 * One row as an arrival, with the cells that were left out and why.
	 * @param phoneColumns the header of each of the arrival's phones, in their order
	 */
	public record Mapped(Arrival arrival, List<RowProblem> warnings, List<String> phoneColumns) {
	}

	private static final int MAX_CELL = 2000;

	private final List<String> headers;

	private final Map<Integer, LeadField> columns;

	private final long seriesId;

	private final Channel channel;

	private final String keyPrefix;

	private final boolean strict;

	/**
	 * @param columns which field each column index fills (unlisted columns are ignored)
	 * @param keyPrefix the per-row idempotency key is {@code keyPrefix + rowNo}
	 * @param strict whether the pool rejects a row with an invalid e-mail or phone instead of dropping the value
	 */
	public RowMapper(List<String> headers, Map<Integer, LeadField> columns, long seriesId, Channel channel,
			String keyPrefix, boolean strict) {
		this.strict = strict;
		this.headers = List.copyOf(headers);
		this.columns = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(columns)); // in column order
		this.seriesId = seriesId;
		this.channel = channel;
		this.keyPrefix = keyPrefix;
	}

	public Mapped map(SourceRow row, Instant at) {
		Map<LeadField, String> values = new EnumMap<>(LeadField.class);
		List<RowProblem> warnings = new ArrayList<>();
		List<String> phones = new ArrayList<>();
		List<String> phoneColumns = new ArrayList<>();
		columns.forEach((index, field) -> {
			String cell = row.cell(index);
			if (cell == null || cell.isEmpty()) {
				return;
			}
			if (cell.length() > MAX_CELL) {
				warnings.add(new RowProblem(header(index), "left out: longer than " + MAX_CELL + " characters"));
				return;
			}
			if (field == LeadField.MOBILE || field == LeadField.PHONE) {
				phones.add(cell); // each phone column its own number
				phoneColumns.add(header(index));
				return;
			}
			values.merge(field, cell, (a, b) -> a + " " + b);
		});
		String email = values.get(LeadField.EMAIL);
		DecisionRole role = null;
		String roleCell = values.get(LeadField.DECISION_ROLE);
		if (roleCell != null) {
			role = DecisionRole.fromText(roleCell).orElse(null);
			if (role == null) {
				warnings.add(new RowProblem(headerOf(LeadField.DECISION_ROLE), "left out: '" + roleCell
						+ "' is not a decision role (决策者/影响者/使用者/学习者 or DECISION_MAKER/INFLUENCER/USER/LEARNER)"));
			}
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		put(attributes, "department", values.get(LeadField.DEPARTMENT));
		put(attributes, "notes", values.get(LeadField.NOTES));
		Person person = new Person(values.get(LeadField.NAME), values.get(LeadField.TITLE), role,
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
		return new Mapped(new Arrival(person, company, touch, "IMPORT", strict), List.copyOf(warnings),
				List.copyOf(phoneColumns));
	}

	/**
	 * The header of the column behind a field the pool names ({@code email}, {@code phone}, {@code phones[1]}), or
	 * empty for the row as a whole.
	 */
	public String column(String field, Mapped mapped) {
		if (field.startsWith("phone")) {
			int nth = field.matches("phones\\[\\d+]") ? Integer.parseInt(field.replaceAll("\\D", "")) : 0;
			return nth < mapped.phoneColumns().size() ? mapped.phoneColumns().get(nth) : "";
		}
		return field.startsWith("email") && columns.containsValue(LeadField.EMAIL) ? headerOf(LeadField.EMAIL) : "";
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
