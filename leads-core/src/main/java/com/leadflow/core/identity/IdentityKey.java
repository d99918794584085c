package com.leadflow.core.identity;

/**
 * One exact identity key, already normalised. Every lookup of a lead by identity goes through this type, so that
 * switching the stored value to a keyed blind index (HMAC) for encryption at rest touches one place: {@link #stored()}.
 */
public record IdentityKey(IdentityKind kind, String value) {

	/** The value as stored in and looked up from {@code lead_identity.value}. */
	public String stored() {
		return value;
	}

	@Override
	public String toString() {
		return kind + ":" + value;
	}
}
