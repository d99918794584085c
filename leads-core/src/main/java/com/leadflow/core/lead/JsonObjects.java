package com.leadflow.core.lead;

import java.util.Collections;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON objects read from jsonb columns for read-only views (snapshots, timelines): most are empty. */
final class JsonObjects {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private JsonObjects() {
	}

	/** The object as an unmodifiable map; an empty object without parsing it. */
	static Map<String, Object> read(JsonMapper json, String text) {
		if (text == null || text.equals("{}")) {
			return Map.of();
		}
		return Collections.unmodifiableMap(json.readValue(text, MAP));
	}
}
