package com.leadflow.platform.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document a client is generated from ({@code /v3/api-docs}): both ways to authenticate (HTTP Basic for
 * users, {@code X-API-Key} for integrators), the RFC 9457 problem every error answers with, and operation ids that do
 * not change when a method is added elsewhere ({@code <controller><Method>}, e.g. {@code leadProfile}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BASIC = "basicAuth";

	static final String API_KEY = "apiKey";

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	OpenAPI leadflowOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Leadflow API").version("1")
				.description("B2B lead lifecycle: campaign series and ingestion, the deduplicated lead pool, scoring, "
						+ "lifecycle and routing, CRM sync, market visibility. Errors are RFC 9457 problem details.")
				.license(new License().name("Apache-2.0").identifier("Apache-2.0")))
			// relative, so the document is the same on every host and port; a client sets its base URL
			.servers(List.of(new Server().url("/").description("This Leadflow instance")))
			.components(new Components()
				.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
					.description("A Leadflow user (ADMIN, MARKETER, SDR, SALES, ANALYST)"))
				.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER).name("X-API-Key")
					.description("An integrator's key (POST /api/admin/api-keys), scopes ingest and read")))
			.security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(API_KEY)));
	}

	/** Stable operation ids: the controller's name without "Controller", then the method's name. */
	@Bean
	OperationCustomizer stableOperationIds() {
		return (operation, handler) -> {
			String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
			String method = handler.getMethod().getName();
			operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
					+ Character.toUpperCase(method.charAt(0)) + method.substring(1));
			return operation;
		};
	}

	/**
	 * The error responses of every operation, as problem details: 400 (invalid input, with field errors), 401, 403,
	 * 404 on paths with an id, 409 on writes, 429 on ingestion. Public webhook and actuator paths keep theirs.
	 */
	@Bean
	OpenApiCustomizer problemDetailResponses() {
		return api -> {
			api.getComponents().addSchemas(PROBLEM, problemSchema()); // springdoc rebuilds the schemas: added here
			api.getPaths().forEach(OpenApiConfiguration::problemResponses);
		};
	}

	private static void problemResponses(String path, PathItem item) {
		boolean open = path.startsWith("/api/webhooks/") || !path.startsWith("/api/");
		item.readOperationsMap().forEach((method, operation) -> {
			if (open) {
				operation.setSecurity(List.of());
			}
			add(operation, "400", "Invalid input: the problem's errors list names each field");
			if (path.startsWith("/api/webhooks/")) {
				add(operation, "401", "Unsigned, forged or outside the replay window (checked before the body is read)");
			}
			if (!open) {
				add(operation, "401", "Not authenticated");
				add(operation, "403", "The caller's role or key scope does not allow it");
			}
			if (path.contains("{")) {
				add(operation, "404", "No such resource (or not visible to the caller)");
			}
			if (method != PathItem.HttpMethod.GET) {
				add(operation, "409", "Conflicts with the current state (an illegal transition, a stale version)");
			}
			if (path.equals("/api/leads") && method == PathItem.HttpMethod.POST || path.startsWith("/api/ingest/")) {
				add(operation, "429", "Too many requests: retry after the Retry-After header");
			}
		});
	}

	private static void add(Operation operation, String status, String description) {
		if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
			operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
				.content(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		ObjectSchema error = new ObjectSchema();
		error.addProperty("field", new StringSchema().example("email"));
		error.addProperty("message", new StringSchema().example("is not a valid e-mail address"));
		Map<String, Schema> properties = new java.util.LinkedHashMap<>();
		properties.put("type", new StringSchema().format("uri-reference").example("/problems/invalid-lead"));
		properties.put("title", new StringSchema().example("Invalid lead data"));
		properties.put("status", new IntegerSchema().example(400));
		properties.put("detail", new StringSchema().example("The lead data has 1 invalid field(s)."));
		properties.put("instance", new StringSchema().format("uri-reference"));
		properties.put("errors", new ArraySchema().items(error));
		ObjectSchema problem = new ObjectSchema();
		problem.setProperties(properties);
		problem.setDescription("RFC 9457 problem details");
		return problem;
	}
}
