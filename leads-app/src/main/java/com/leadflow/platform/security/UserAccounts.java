package com.leadflow.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** People who log in: stored with a password hash, roles and a team. */
@Service
public class UserAccounts implements UserDetailsService {

	/** A user as shown to admins (never with the hash). */
	public record Account(long id, String username, Set<Role> roles, String team, boolean enabled) {
	}

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.passwords = passwords;
	}

	public Account create(String username, String password, Set<Role> roles, String team) {
		long id = jdbc.sql("insert into app_user (username, password_hash, roles, team) values (?, ?, ?, ?) returning id")
			.params(username.toLowerCase(Locale.ROOT), passwords.encode(password),
					roles.stream().map(Role::name).toArray(String[]::new), team)
			.query(Long.class)
			.single();
		return find(username).map(a -> new Account(id, a.username(), a.roles(), a.team(), a.enabled())).orElseThrow();
	}

	public Optional<Account> find(String username) {
		return jdbc.sql("select id, username, roles, team, enabled from app_user where username = ?")
			.param(username.toLowerCase(Locale.ROOT))
			.query((rs, i) -> new Account(rs.getLong(1), rs.getString(2), roles((String[]) rs.getArray(3).getArray()),
					rs.getString(4), rs.getBoolean(5)))
			.optional();
	}

	public List<Account> all() {
		return jdbc.sql("select id, username, roles, team, enabled from app_user order by username")
			.query((rs, i) -> new Account(rs.getLong(1), rs.getString(2), roles((String[]) rs.getArray(3).getArray()),
					rs.getString(4), rs.getBoolean(5)))
			.list();
	}

	/** The usernames of a team (SALES see their team's leads). */
	public Set<String> team(String team) {
		return team == null ? Set.of()
				: Set.copyOf(jdbc.sql("select username from app_user where team = ?").param(team).query(String.class).list());
	}

	public boolean any() {
		return jdbc.sql("select exists(select 1 from app_user)").query(Boolean.class).single();
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("select username, password_hash, roles, enabled from app_user where username = ?")
			.param(username.toLowerCase(Locale.ROOT))
			.query((rs, i) -> User.withUsername(rs.getString(1))
				.password(rs.getString(2))
				.authorities(Arrays.stream((String[]) rs.getArray(3).getArray())
					.map(r -> new SimpleGrantedAuthority("ROLE_" + r))
					.toList())
				.disabled(!rs.getBoolean(4))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	private static Set<Role> roles(String[] names) {
		return Arrays.stream(names).map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
	}
}
