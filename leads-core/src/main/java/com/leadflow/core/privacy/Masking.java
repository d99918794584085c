package com.leadflow.core.privacy;

/** Masks personal data for callers who may see that it exists but not what it is. */
public final class Masking {

	private Masking() {
	}

	/** {@code zhao.min@example.cn} → {@code z***@example.cn} */
	public static String email(String email) {
		int at = email.indexOf('@');
		return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
	}

	/** {@code +8613800001234} → {@code +86138****1234} */
	public static String phone(String phone) {
		int ext = phone.indexOf(';');
		String number = ext < 0 ? phone : phone.substring(0, ext);
		return number.length() <= 8 ? "****" : number.substring(0, number.length() - 8) + "****" + number.substring(number.length() - 4);
	}

	/** The snapshot with its e-mails and phones masked. */
	public static com.leadflow.core.LeadSnapshot snapshot(com.leadflow.core.LeadSnapshot l) {
		return new com.leadflow.core.LeadSnapshot(l.id(), l.name(), l.title(), l.decisionRole(), l.region(), l.province(),
				l.city(), l.owner(), l.lifecycleStage(), l.budget(), l.need(), l.timeframe(), l.companyId(),
				l.companyName(), l.industry(), l.companySizeBand(), l.existingCustomer(),
				l.emails().stream().map(Masking::email).toList(), l.phones().stream().map(Masking::phone).toList(),
				l.tags(), l.attributes(), l.createdAt(), l.lastTouchAt());
	}

	public static String identity(String kind, String value) {
		return switch (kind) {
			case "EMAIL" -> email(value);
			case "PHONE" -> phone(value);
			default -> value.length() <= 4 ? "****" : value.substring(0, 2) + "****" + value.substring(value.length() - 2);
		};
	}
}
