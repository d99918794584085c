package com.leadflow.platform.web;

import static org.assertj.core.api.BDDAssertions.then;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.leadflow.TestHttp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is one a client can be generated from: security schemes, problem responses, stable ids. The
 * committed copy ({@code src/test/resources/openapi/leadflow-api.json}) is what the build generates the test client
 * from ({@code GeneratedClientLifecycleTests}); it must be the live document: {@code -Dopenapi.update=true} rewrites it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTests {

	@LocalServerPort
	int port;

	static final Path COMMITTED = Path.of("src", "test", "resources", "openapi", "leadflow-api.json");

	@Test
	void theCommittedDocumentTheTestClientIsGeneratedFromIsTheLiveOne() throws Exception {
		String live = TestHttp.anonymous(port).get().uri("/v3/api-docs").retrieve().body(String.class);
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
		String pretty = json.writeValueAsString(json.readValue(live, Object.class)) + "\n";
		if (Boolean.getBoolean("openapi.update")) {
			Files.createDirectories(COMMITTED.getParent());
			Files.writeString(COMMITTED, pretty);
		}
		Path fresh = Path.of("target", "openapi", "leadflow-api.json");
		Files.createDirectories(fresh.getParent());
		Files.writeString(fresh, pretty);
		then(Files.exists(COMMITTED)).as("no committed OpenAPI document: run with -Dopenapi.update=true").isTrue();
		then(json.readTree(Files.readString(COMMITTED))).as("the API changed: the live document is in " + fresh
				+ "; review it and run this test with -Dopenapi.update=true to commit it").isEqualTo(json.readTree(live));
	}

	@Test
	void describesBothWaysToAuthenticateEveryErrorAsAProblemAndStableUniqueOperationIds() {
		JsonNode api = TestHttp.anonymous(port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class);

		JsonNode schemes = api.path("components").path("securitySchemes");
		then(schemes.path("basicAuth").path("type").asString()).isEqualTo("http");
		then(schemes.path("basicAuth").path("scheme").asString()).isEqualTo("basic");
		then(schemes.path("apiKey").path("type").asString()).isEqualTo("apiKey");
		then(schemes.path("apiKey").path("in").asString()).isEqualTo("header");
		then(schemes.path("apiKey").path("name").asString()).isEqualTo("X-API-Key");
		then(api.path("components").path("schemas").path("Problem").path("properties").path("errors").isMissingNode())
			.isFalse();

		List<String> ids = new ArrayList<>();
		api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
			String id = op.getValue().path("operationId").asString();
			ids.add(id);
			then(id).as(op.getKey() + " " + path.getKey()).matches("[a-z][A-Za-z0-9]*");
			if (path.getKey().startsWith("/api/") && !path.getKey().startsWith("/api/webhooks/")) {
				then(op.getValue().path("responses").path("401").path("content").path("application/problem+json")
					.path("schema").path("$ref").asString()).as(id).isEqualTo("#/components/schemas/Problem");
			}
		}));
		then(ids).doesNotHaveDuplicates().hasSizeGreaterThan(40);

		JsonNode arrive = api.path("paths").path("/api/leads").path("post");
		then(arrive.path("operationId").asString()).isEqualTo("leadArrive");
		then(arrive.path("responses").has("400")).isTrue();
		then(arrive.path("responses").has("429")).isTrue();
		then(api.path("paths").path("/api/leads/{id}").path("get").path("responses").has("404")).isTrue();
		api.path("paths").properties().stream().filter(p -> p.getKey().startsWith("/api/webhooks/"))
			.forEach(p -> p.getValue().properties().forEach(op -> then(op.getValue().path("security").isArray()
					&& op.getValue().path("security").isEmpty())
				.as("webhooks are signed, not logged in: " + p.getKey()).isTrue()));
	}
}
