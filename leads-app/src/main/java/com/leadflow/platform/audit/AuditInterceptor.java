package com.leadflow.platform.audit;

import java.util.Map;

import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Audits who read or exported which lead's personal data (every GET under {@code /api/leads}) and every change made
 * through the API. Not audited: the ingestion hot path (its touches are the record) and webhooks (their event ids are).
 */
@Component
class AuditInterceptor implements HandlerInterceptor {

	/** A searched text may be an e-mail or a phone: the log keeps that a search happened, not what was searched. */
	private static final java.util.regex.Pattern TEXT_PARAMETER = java.util.regex.Pattern.compile("((?:^|&)q=)[^&]*");

	private final AuditTrail trail;

	AuditInterceptor(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
		String path = request.getRequestURI();
		String method = request.getMethod();
		if (!path.startsWith("/api/") || !audited(method, path)) {
			return;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String query = request.getQueryString();
		trail.record(auth == null ? "anonymous" : auth.getName(), method + " " + (pattern == null ? path : pattern),
				query == null ? path : path + "?" + TEXT_PARAMETER.matcher(query).replaceAll("$1***"),
				leadId(request, path), response.getStatus(), MDC.get("correlationId"));
	}

	private static boolean audited(String method, String path) {
		if ("GET".equals(method)) {
			return path.equals("/api/leads") || path.startsWith("/api/leads/");
		}
		return !(("POST".equals(method) && path.equals("/api/leads")) || path.startsWith("/api/ingest/")
				|| path.startsWith("/api/webhooks/"));
	}

	@SuppressWarnings("unchecked")
	private static Long leadId(HttpServletRequest request, String path) {
		if (!path.startsWith("/api/leads/")) {
			return null;
		}
		Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String id = vars instanceof Map<?, ?> map ? (String) ((Map<String, String>) map).get("id") : null;
		try {
			return id == null ? null : Long.valueOf(id);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
