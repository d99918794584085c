package com.leadflow.core.identity;

/**
 * One exact identity key, already normalised. Stored encrypted and looked up by its blind index: see
 * {@code lead.Leads}, the one place that turns keys into stored values.
 */
public record IdentityKey(IdentityKind kind, String value) {

	@Override
	public String toString() {
		return kind + ":" + value;
	}
}
