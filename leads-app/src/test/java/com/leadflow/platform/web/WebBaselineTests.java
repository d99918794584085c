package com.leadflow.platform.web;

import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import com.leadflow.TestHttp;
import com.leadflow.platform.security.Role;
import com.leadflow.platform.security.UserAccounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WebBaselineTests.EchoConfig.class)
class WebBaselineTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	RestClient client;

	RestClient http() {
		if (client == null) {
			client = TestHttp.as(port, users, Role.ANALYST); // an API client: Basic credentials, no session
		}
		return client;
	}

	@Test
	void healthIsUpWithTheDatabase() {
		JsonNode health = http().get().uri("/actuator/health").retrieve().body(JsonNode.class);

		then(health.path("status").asString()).isEqualTo("UP");
		then(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void publishesOpenApiAndSwaggerUi() {
		ResponseEntity<JsonNode> docs = http().get().uri("/v3/api-docs").retrieve().toEntity(JsonNode.class);
		ResponseEntity<String> ui = http().get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class);

		then(docs.getStatusCode().value()).isEqualTo(200);
		then(docs.getBody().path("openapi").asString()).startsWith("3.");
		then(ui.getStatusCode().value()).isEqualTo(200);
		then(ui.getBody()).contains("swagger-ui");
	}

	@Test
	void malformedJsonGetsProblemDetailsWithoutStackTrace() {
		ResponseEntity<String> response = http().post()
			.uri("/test/echo")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"Li\", ")
			.retrieve()
			.toEntity(String.class);

		then(response.getStatusCode().value()).isEqualTo(400);
		then(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		then(response.getBody()).contains("\"type\":\"/problems/malformed-body\"").doesNotContain("Exception").doesNotContain("at com.");
	}

	@Test
	void validationErrorsNameEachField() {
		ResponseEntity<JsonNode> response = http().post()
			.uri("/test/echo")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"\", \"email\": \"not-an-email\"}")
			.retrieve()
			.toEntity(JsonNode.class);

		then(response.getStatusCode().value()).isEqualTo(400);
		then(response.getBody().path("type").asString()).isEqualTo("/problems/invalid-request");
		then(response.getBody().path("errors").valueStream().map(e -> e.path("field").asString()))
			.containsExactlyInAnyOrder("name", "email");
	}

	@Test
	void unknownPathGetsProblemDetails() {
		ResponseEntity<JsonNode> response = http().get().uri("/no/such/thing").retrieve().toEntity(JsonNode.class);

		then(response.getStatusCode().value()).isEqualTo(404);
		then(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		then(response.getBody().path("status").asInt()).isEqualTo(404);
	}

	@Test
	void echoesOrCreatesACorrelationId() {
		ResponseEntity<Void> given = http().get().uri("/actuator/health").header("X-Correlation-Id", "abc-123")
			.retrieve().toBodilessEntity();
		ResponseEntity<Void> made = http().get().uri("/actuator/health").retrieve().toBodilessEntity();

		then(given.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("abc-123");
		then(made.getHeaders().getFirst("X-Correlation-Id")).hasSize(36);
	}

	record Person(@NotBlank String name, @Email String email) {
	}

	@TestConfiguration
	static class EchoConfig {

		@Bean
		EchoController echoController() {
			return new EchoController();
		}
	}

	@RestController
	static class EchoController {

		@PostMapping("/test/echo")
		Person echo(@Valid @RequestBody Person person) {
			return person;
		}
	}
}
