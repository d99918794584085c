package com.leadflow.core.privacy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest (AES-256-GCM, random 96-bit nonce, the key id stored with the value so keys can
 * rotate) and computes the keyed blind index (HMAC-SHA256) that exact lookups and unique constraints use instead of
 * the plaintext.
 */
@Component
public class PersonalDataCipher {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	// Looking a cipher up (provider search) and expanding its key cost more than sealing a short value: each thread
	// keeps one instance (re-initialised with a fresh nonce per value; the key schedule is redone only for another key).
	private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	});

	private final Map<String, SecretKeySpec> keys = new HashMap<>();

	private final String activeKey;

	private final SecretKeySpec indexKey;

	private final ThreadLocal<Mac> hmac;

	public PersonalDataCipher(CryptoProperties properties) {
		CryptoProperties effective = properties.keys().isEmpty() || properties.indexKey() == null
				? developmentKeys(properties) : properties;
		effective.keys().forEach((id, key) -> keys.put(id, new SecretKeySpec(decode(key, "leadflow.crypto.keys." + id), "AES")));
		this.activeKey = effective.activeKey() == null ? effective.keys().keySet().iterator().next() : effective.activeKey();
		if (!keys.containsKey(activeKey)) {
			throw new IllegalStateException("leadflow.crypto.active-key '" + activeKey + "' is not among leadflow.crypto.keys");
		}
		this.indexKey = new SecretKeySpec(decode(effective.indexKey(), "leadflow.crypto.index-key"), "HmacSHA256");
		this.hmac = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(indexKey);
				return mac;
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	/** The blind index of a normalised value: deterministic, keyed, irreversible without the key. */
	public String blindIndex(String purpose, String value) {
		Mac mac = hmac.get(); // doFinal leaves it reset for the next value
		mac.update(purpose.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
	}

	/** {@code keyId:base64(nonce | ciphertext+tag)} */
	public String encrypt(String plaintext) {
		if (plaintext == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			Cipher cipher = GCM.get();
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return activeKey + ":" + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public String decrypt(String stored) {
		if (stored == null) {
			return null;
		}
		int colon = stored.indexOf(':');
		SecretKeySpec key = colon < 0 ? null : keys.get(stored.substring(0, colon));
		if (key == null) {
			throw new IllegalStateException("No key for encrypted value with key id '"
					+ (colon < 0 ? "?" : stored.substring(0, colon)) + "': configure it under leadflow.crypto.keys");
		}
		try {
			byte[] raw = Base64.getDecoder().decode(stored.substring(colon + 1));
			Cipher cipher = GCM.get();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 0, 12));
			return new String(cipher.doFinal(raw, 12, raw.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("An encrypted value could not be decrypted (wrong key or tampered data)", e);
		}
	}

	/** The id of the key new values are encrypted with. */
	public String activeKey() {
		return activeKey;
	}

	private static byte[] decode(String base64, String name) {
		byte[] key = Base64.getDecoder().decode(base64);
		if (key.length != 32) {
			throw new IllegalStateException(name + " must be 32 bytes, base64-encoded");
		}
		return key;
	}

	/** Development only: keys generated once and kept in a private file next to the embedded database. */
	private static CryptoProperties developmentKeys(CryptoProperties properties) {
		if (properties.requireConfiguredKeys()) {
			throw new IllegalStateException("No encryption keys configured: set leadflow.crypto.keys.<id>, "
					+ "leadflow.crypto.active-key and leadflow.crypto.index-key (base64 of 32 random bytes each)");
		}
		Path file = Path.of(properties.keyFile());
		Properties stored = new Properties();
		try {
			if (Files.exists(file)) {
				try (Reader in = Files.newBufferedReader(file)) {
					stored.load(in);
				}
			}
			else {
				stored.setProperty("key.k1", randomKey());
				stored.setProperty("index-key", randomKey());
				Files.createDirectories(file.toAbsolutePath().getParent());
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				try (Writer out = Files.newBufferedWriter(file)) {
					stored.store(out, "Leadflow development keys: keep this file with the database, never commit it");
				}
				log.warn("Generated development encryption keys in {}; configure leadflow.crypto.* in production", file);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read or create the key file " + file, e);
		}
		Map<String, String> keys = new HashMap<>();
		stored.stringPropertyNames().stream().filter(n -> n.startsWith("key.")).forEach(n -> keys.put(n.substring(4), stored.getProperty(n)));
		return new CryptoProperties(keys, "k1", stored.getProperty("index-key"), properties.keyFile(), false);
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}
}
