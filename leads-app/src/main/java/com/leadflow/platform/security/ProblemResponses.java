package com.leadflow.platform.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import com.leadflow.platform.web.Problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** 401 and 403 as RFC 9457 problem details, like every other error. */
@Component
class ProblemResponses {

	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		if (!BrowserLogin.fromScript(request)) { // a script's 401 must not pop up the browser's own login dialog
			response.setHeader("WWW-Authenticate", "Basic realm=\"Leadflow\"");
		}
		Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
				"Log in, or send HTTP Basic credentials or an X-API-Key header.");
	}

	/** A failed form login: the UI's script gets 401, a plain form post goes back to the UI. */
	void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		if (BrowserLogin.fromScript(request)) {
			Problems.write(response, HttpStatus.UNAUTHORIZED, "login-failed", "Login failed", "Wrong user name or password.");
		}
		else {
			response.sendRedirect("/?login=failed");
		}
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
		Problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role may not do this.");
	}

}
