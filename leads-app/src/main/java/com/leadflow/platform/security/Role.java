package com.leadflow.platform.security;

/** What a person does with Leadflow; each role sees and may change a different part of it. */
@io.swagger.v3.oas.annotations.media.Schema(enumAsRef = true) // one named enum in the OpenAPI document
public enum Role {
	/** Everything, including users, keys and configuration. */
	ADMIN,
	/** Series, import, scoring, the whole pool. */
	MARKETER,
	/** Their qualification queue: leads they own. */
	SDR,
	/** Leads they or their team own. */
	SALES,
	/** Aggregates and every lead, with personal data masked. */
	ANALYST
}
