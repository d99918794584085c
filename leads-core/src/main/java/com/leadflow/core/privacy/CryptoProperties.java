package com.leadflow.core.privacy;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data at rest ({@code leadflow.crypto.*}), all base64 of 32 random bytes.
 * @param keys data-encryption keys by id (AES-256-GCM); old ids stay to decrypt until re-encrypted
 * @param activeKey the id new values are encrypted with
 * @param indexKey the HMAC key of the blind index used for exact lookups (e-mail, phone, WeChat ids)
 * @param keyFile when no keys are configured: where generated keys are kept (development only; production sets
 * {@code leadflow.crypto.require-configured-keys=true} and passes keys by environment)
 * @param requireConfiguredKeys refuse to start without configured keys (production mode)
 */
@ConfigurationProperties("leadflow.crypto")
public record CryptoProperties(Map<String, String> keys, String activeKey, String indexKey, String keyFile,
		Boolean requireConfiguredKeys) {

	public CryptoProperties {
		keys = keys == null ? Map.of() : Map.copyOf(keys);
		keyFile = keyFile == null ? "./.leadflow/keys.properties" : keyFile;
		requireConfiguredKeys = requireConfiguredKeys != null && requireConfiguredKeys;
	}
}
