package com.leadflow.platform.security;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The admin UI's session login: answers for its script (204 / 401) or for a plain form (redirects). */
final class BrowserLogin {

	private BrowserLogin() {
	}

	/** The UI's script marks its calls with {@code X-Requested-With: XMLHttpRequest}. */
	static boolean fromScript(HttpServletRequest request) {
		return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
	}

	static void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication auth)
			throws IOException {
		if (fromScript(request)) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
		else {
			response.sendRedirect("/");
		}
	}

	static void loggedOut(HttpServletRequest request, HttpServletResponse response, Authentication auth)
			throws IOException {
		if (fromScript(request)) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
		else {
			response.sendRedirect("/");
		}
	}

	/**
	 * Loads the deferred CSRF token so that its cookie (XSRF-TOKEN) reaches the UI before its first write; API clients
	 * (Basic, API key) need none.
	 */
	static void issueCsrfCookie(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		if (http.getHeader("Authorization") == null && http.getHeader(ApiKeyFilter.HEADER) == null
				&& request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
		chain.doFilter(request, response);
	}
}
