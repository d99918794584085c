package com.leadflow.crmsync.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a webhook: {@code signature} must be the hex HMAC-SHA256 (optionally prefixed {@code sha256=}) of
 * {@code timestamp + "." + body} under the peer's shared secret, and the timestamp (epoch seconds) must lie within
 * the replay window of now. Compared in constant time.
 */
final class WebhookSignature {

	private WebhookSignature() {
	}

	static void verify(String secret, String timestamp, String signature, String body, Instant now,
			Duration window) {
		if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
			throw WebhookProblem.unauthorized("Missing X-Leadflow-Timestamp or X-Leadflow-Signature header.");
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException e) {
			throw WebhookProblem.unauthorized("X-Leadflow-Timestamp must be epoch seconds.");
		}
		if (Math.abs(now.getEpochSecond() - seconds) > window.toSeconds()) {
			throw WebhookProblem.unauthorized("The request timestamp is outside the replay window of " + window + ".");
		}
		String given = signature.strip();
		if (given.startsWith("sha256=")) {
			given = given.substring("sha256=".length());
		}
		byte[] expected = sign(secret, timestamp.strip() + "." + body).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
			throw WebhookProblem.unauthorized("The signature does not match the body.");
		}
	}

	static String sign(String secret, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	}
}
