package com.leadflow.platform.security;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The current caller, and (for admins) users and integrators' API keys. */
@RestController
@Tag(name = "Accounts", description = "Users, roles and API keys")
class AccountsController {

	record Me(String name, List<String> authorities) {
	}

	record NewUser(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
			@NotBlank @Size(min = 12, max = 200) String password, @NotEmpty Set<Role> roles, @Size(max = 64) String team) {
	}

	record NewKey(@NotBlank @Size(max = 100) String name, @NotEmpty Set<@Pattern(regexp = "ingest|read") String> scopes) {
	}

	private final UserAccounts users;

	private final ApiKeys keys;

	AccountsController(UserAccounts users, ApiKeys keys) {
		this.users = users;
		this.keys = keys;
	}

	@GetMapping("/api/me")
	@Operation(summary = "Who am I (name and authorities, for role-aware menus)")
	Me me(Authentication auth) {
		return new Me(auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
	}

	@GetMapping("/api/admin/users")
	List<UserAccounts.Account> users() {
		return users.all();
	}

	@PostMapping("/api/admin/users")
	@Operation(summary = "Create a user (passwords of 12+ characters)")
	ResponseEntity<UserAccounts.Account> createUser(@Valid @RequestBody NewUser user) {
		if (users.find(user.username()).isPresent()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"A user named '" + user.username() + "' exists.");
			problem.setType(URI.create("/problems/user-exists"));
			throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
		}
		UserAccounts.Account account = users.create(user.username(), user.password(), user.roles(), user.team());
		return ResponseEntity.created(URI.create("/api/admin/users/" + account.id())).body(account);
	}

	@GetMapping("/api/admin/api-keys")
	List<ApiKeys.Key> apiKeys() {
		return keys.list();
	}

	@PostMapping("/api/admin/api-keys")
	@Operation(summary = "Create an API key", description = "The response holds the whole key once; only its hash is kept.")
	ResponseEntity<ApiKeys.Created> createKey(@Valid @RequestBody NewKey key, Authentication auth) {
		ApiKeys.Created created = keys.create(key.name(), key.scopes(), auth.getName());
		return ResponseEntity.created(URI.create("/api/admin/api-keys/" + created.key().id())).body(created);
	}

	@DeleteMapping("/api/admin/api-keys/{id}")
	@Operation(summary = "Revoke an API key")
	ResponseEntity<Void> revoke(@PathVariable long id) {
		return keys.revoke(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}
}
