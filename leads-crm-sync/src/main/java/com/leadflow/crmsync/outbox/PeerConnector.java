package com.leadflow.crmsync.outbox;

import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.leadflow.crmsync.config.CrmSyncProperties;

/**
 * The generic JSON-over-HTTP connector: sends a message's body to its peer's configured base URL, with the message's
 * {@code Idempotency-Key}, and reports the outcome (never throws for a peer's failure).
 */
@Component
class PeerConnector {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** What happened to one delivery attempt. {@code status} is null when no HTTP answer came (timeout, refused). */
	record Outcome(boolean delivered, boolean retryable, Integer status, String error) {
	}

	private final Map<Peer, RestClient> clients = new EnumMap<>(Peer.class);

	PeerConnector(CrmSyncProperties properties) {
		clients.put(Peer.CRM, client(properties.crm()));
		clients.put(Peer.CALL_CENTER, client(properties.callCenter()));
		clients.put(Peer.MARKETING, client(properties.marketing()));
	}

	private static RestClient client(CrmSyncProperties.Peer peer) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1) // plain JSON endpoints: no h2c upgrade attempts
			.connectTimeout(peer.connectTimeout())
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(peer.readTimeout());
		return RestClient.builder().baseUrl(peer.baseUrl()).requestFactory(factory).build();
	}

	Outcome send(OutboxMessage message) {
		try {
			var response = clients.get(message.peer())
				.method(HttpMethod.valueOf(message.httpMethod()))
				.uri(message.path())
				.contentType(MediaType.APPLICATION_JSON)
				.header(IDEMPOTENCY_KEY, message.idempotencyKey().toString())
				.header("X-Leadflow-Message-Kind", message.kind())
				.body(message.payload())
				.retrieve()
				.onStatus(s -> true, (req, res) -> {
				})
				.toBodilessEntity();
			int status = response.getStatusCode().value();
			if (response.getStatusCode().is2xxSuccessful()) {
				return new Outcome(true, false, status, null);
			}
			// a 4xx other than timeout/too-early/too-many will not get better by retrying
			boolean retryable = status >= 500 || status == 408 || status == 425 || status == 429;
			return new Outcome(false, retryable, status, "HTTP " + status);
		}
		catch (RuntimeException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause(); // the I/O failure says more than its wrapper
			return new Outcome(false, true, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
		}
	}
}
