package com.leadflow.platform.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors that never reach a controller (rejected by the servlet container or a filter) are answered with problem
 * details too, instead of Boot's default error page or JSON.
 */
@Hidden // the servlet container's error page, not an API operation
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProblemErrorController implements ErrorController {

	private final ErrorAttributes errorAttributes;

	ProblemErrorController(ErrorAttributes errorAttributes) {
		this.errorAttributes = errorAttributes;
	}

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Map<String, Object> attributes = errorAttributes.getErrorAttributes(new ServletWebRequest(request),
				ErrorAttributeOptions.defaults());
		int code = attributes.get("status") instanceof Integer s ? s : 500;
		HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.resolve(code);
		ProblemDetail problem = ProblemDetailsAdvice.problem(status,
				status.is5xxServerError() ? "internal-error" : "http-" + status.value(), status.getReasonPhrase(),
				status.is5xxServerError() ? "An unexpected error occurred." : "The request could not be served.");
		Object path = attributes.get("path");
		if (path != null) {
			problem.setInstance(java.net.URI.create(path.toString()));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
