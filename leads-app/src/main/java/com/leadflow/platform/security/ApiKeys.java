package com.leadflow.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Integrators' API keys: {@code lf_<prefix>_<secret>}. Only the SHA-256 of the secret is stored; the whole key is
 * shown once, at creation. Keys are scoped ({@code ingest}, {@code read}), revocable and remember when last used.
 */
@Service
public class ApiKeys {

	/** Scopes a key may carry. */
	public static final Set<String> SCOPES = Set.of("ingest", "read");

	/** A key as listed (never with its secret). */
	public record Key(long id, String name, String prefix, List<String> scopes, String createdBy, Instant createdAt,
			Instant lastUsedAt, Instant revokedAt) {
	}

	/** A key just created: {@code secret} is the whole key, shown this once. */
	public record Created(Key key, String secret) {
	}

	/** The identity behind a valid key. */
	public record Holder(long id, String name, List<String> scopes) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	ApiKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Created create(String name, Set<String> scopes, String createdBy) {
		String prefix = random(6);
		String secret = random(24);
		long id = jdbc.sql("""
				insert into api_key (name, key_prefix, key_hash, scopes, created_by) values (?, ?, ?, ?, ?) returning id""")
			.params(name, prefix, sha256(secret), scopes.stream().sorted().toArray(String[]::new), createdBy)
			.query(Long.class)
			.single();
		return new Created(list().stream().filter(k -> k.id() == id).findFirst().orElseThrow(),
				"lf_" + prefix + "_" + secret);
	}

	/** The holder of a presented key, if it is valid and not revoked; records its use. */
	public Optional<Holder> authenticate(String presented) {
		String[] parts = presented == null ? new String[0] : presented.split("_", 3);
		if (parts.length != 3 || !"lf".equals(parts[0])) {
			return Optional.empty();
		}
		return jdbc.sql("select id, name, scopes, key_hash from api_key where key_prefix = ? and revoked_at is null")
			.param(parts[1])
			.query((rs, i) -> MessageDigest.isEqual(rs.getString(4).getBytes(StandardCharsets.US_ASCII),
					sha256(parts[2]).getBytes(StandardCharsets.US_ASCII))
							? new Holder(rs.getLong(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()))
							: null)
			.optional()
			.map(holder -> {
				jdbc.sql("""
						update api_key set last_used_at = now()
						where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
					.param(holder.id())
					.update();
				return holder;
			});
	}

	public boolean revoke(long id) {
		return jdbc.sql("update api_key set revoked_at = now() where id = ? and revoked_at is null").param(id).update() > 0;
	}

	public List<Key> list() {
		return jdbc.sql("""
				select id, name, key_prefix, scopes, created_by, created_at, last_used_at, revoked_at from api_key order by id""")
			.query((rs, i) -> new Key(rs.getLong(1), rs.getString(2), rs.getString(3),
					List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getTimestamp(6).toInstant(),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
					rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
			.list();
	}

	private static String random(int bytes) {
		byte[] raw = new byte[bytes];
		RANDOM.nextBytes(raw);
		return HexFormat.of().formatHex(raw);
	}

	private static String sha256(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
