package com.leadflow;

import java.util.Set;
import java.util.UUID;

import org.springframework.web.client.RestClient;

import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.UserAccounts;

/** HTTP clients for tests through the real server: as a fresh user of a role, or anonymous. Never throw on status. */
public final class TestHttp {

	public static final String PASSWORD = "test-password-0123";

	/** Answers to every required question of the default SDR questionnaire (what a move to SQL needs). */
	public static final java.util.Map<String, String> BANT_ANSWERS = java.util.Map.of("budget", "approved, 200k",
			"authority", "the CTO decides", "need", "line monitoring", "timeline", "this quarter");

	private TestHttp() {
	}

	public static RestClient anonymous(int port) {
		return builder(port).build();
	}

	/** A new user with this role (and team), and a client logged in as them. */
	public static RestClient as(int port, UserAccounts users, Role role) {
		return as(port, users, role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8), role, null);
	}

	public static RestClient as(int port, UserAccounts users, String username, Role role, String team) {
		users.create(username, PASSWORD, Set.of(role), team);
		return loggedIn(port, username);
	}

	/** A client logged in as a user created earlier by {@link #as}. */
	public static RestClient loggedIn(int port, String username) {
		return builder(port).defaultHeaders(h -> h.setBasicAuth(username, PASSWORD)).build();
	}

	public static RestClient withApiKey(int port, String key) {
		return builder(port).defaultHeader("X-API-Key", key).build();
	}

	private static RestClient.Builder builder(int port) {
		return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (req, res) -> {
		});
	}
}
