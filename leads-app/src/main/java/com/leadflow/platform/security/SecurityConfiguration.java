package com.leadflow.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may call what. People authenticate with HTTP Basic (API clients) or a session (the admin UI); integrators
 * with an API key ({@code X-API-Key}); the admin UI logs in at {@code POST /login} and out at {@code POST /logout}.
 * Rules are per URL and role here; which leads a caller sees is enforced in the pool's queries ({@link AccessPolicy}).
 * Webhooks authenticate by their HMAC signature in the module that owns them.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String[] STAFF = { "ADMIN", "MARKETER", "SDR", "SALES", "ANALYST" };

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, ProblemResponses problems) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**",
					"/swagger-ui.html", "/error", "/api/webhooks/**")
			.permitAll()
			// ingestion: marketers, admins and integrators' keys with the ingest scope
			.requestMatchers(HttpMethod.POST, "/api/leads")
			.hasAnyAuthority("ROLE_ADMIN", "ROLE_MARKETER", "SCOPE_ingest")
			// data subject requests: admins only
			.requestMatchers("/api/leads/*/export", "/api/leads/*/erase")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/leads/*/consents")
			.hasAnyRole("ADMIN", "MARKETER", "SDR", "SALES")
			// the pool: staff and read keys; which leads each sees is scoped in the queries
			.requestMatchers(HttpMethod.GET, "/api/leads", "/api/leads/**", "/api/companies/**", "/api/notifications")
			.hasAnyAuthority("ROLE_ADMIN", "ROLE_MARKETER", "ROLE_SDR", "ROLE_SALES", "ROLE_ANALYST", "SCOPE_read")
			.requestMatchers(HttpMethod.POST, "/api/leads/*/tags")
			.hasAnyRole("ADMIN", "MARKETER", "SDR", "SALES")
			.requestMatchers(HttpMethod.DELETE, "/api/leads/*/tags/*")
			.hasAnyRole("ADMIN", "MARKETER", "SDR", "SALES")
			.requestMatchers("/api/leads/*/merge", "/api/merges/**", "/api/duplicate-candidates/**", "/api/companies/**")
			.hasAnyRole("ADMIN", "MARKETER")
			// scoring: scores are read by staff; models are the marketers' agreement with sales
			.requestMatchers(HttpMethod.GET, "/api/scoring/leads/**", "/api/scoring/distribution")
			.hasAnyAuthority("ROLE_ADMIN", "ROLE_MARKETER", "ROLE_SDR", "ROLE_SALES", "ROLE_ANALYST", "SCOPE_read")
			.requestMatchers("/api/scoring/leads/*/recycle")
			.hasAnyRole("ADMIN", "MARKETER", "SDR")
			.requestMatchers(HttpMethod.GET, "/api/scoring/**")
			.hasAnyRole("ADMIN", "MARKETER", "ANALYST")
			.requestMatchers("/api/scoring/**")
			.hasAnyRole("ADMIN", "MARKETER")
			// campaigns: ingestion by marketers and integrators; series and imports by marketers
			.requestMatchers("/api/ingest/**")
			.hasAnyAuthority("ROLE_ADMIN", "ROLE_MARKETER", "SCOPE_ingest")
			.requestMatchers(HttpMethod.GET, "/api/campaign-series/**")
			.hasAnyRole("ADMIN", "MARKETER", "ANALYST", "SDR", "SALES")
			.requestMatchers("/api/campaign-series/**", "/api/imports/**")
			.hasAnyRole("ADMIN", "MARKETER")
			// lifecycle and hand-offs
			.requestMatchers("/api/sdr-queue/**", "/api/qualification/**")
			.hasAnyRole("ADMIN", "MARKETER", "SDR")
			.requestMatchers(HttpMethod.GET, "/api/lifecycle/metrics") // aggregates, no personal data
			.hasAnyRole("ADMIN", "MARKETER", "SDR", "SALES", "ANALYST")
			.requestMatchers("/api/lifecycle/**")
			.hasAnyRole("ADMIN", "MARKETER", "SDR", "SALES")
			.requestMatchers("/api/outbox/**")
			.hasRole("ADMIN")
			// nurture audiences: marketers, and marketing tools with a key of the nurture scope
			.requestMatchers(HttpMethod.GET, "/api/nurture/**")
			.hasAnyAuthority("ROLE_ADMIN", "ROLE_MARKETER", "SCOPE_nurture")
			.requestMatchers("/api/nurture/**")
			.hasAnyRole("ADMIN", "MARKETER")
			// offline events and their invitation lists
			.requestMatchers(HttpMethod.GET, "/api/events/**")
			.hasAnyRole("ADMIN", "MARKETER", "SDR", "SALES")
			.requestMatchers("/api/events/**")
			.hasAnyRole("ADMIN", "MARKETER")
			// analytics: aggregates for everyone who plans or sells; market sizes and standards by marketers
			.requestMatchers(HttpMethod.GET, "/api/analytics/**", "/api/attribution")
			.hasAnyAuthority("ROLE_ADMIN", "ROLE_MARKETER", "ROLE_ANALYST", "ROLE_SALES", "SCOPE_read")
			.requestMatchers("/api/analytics/**")
			.hasAnyRole("ADMIN", "MARKETER")
			.requestMatchers("/api/me")
			.authenticated()
			.requestMatchers("/api/admin/**")
			.hasRole("ADMIN")
			// anything else under /api: admins only until a module says otherwise
			.requestMatchers("/api/**")
			.hasRole("ADMIN")
			.anyRequest()
			.permitAll());
		http.httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized));
		// the admin UI posts its login form to /login (with X-Requested-With: answered 204 / 401 instead of redirects)
		http.formLogin(form -> form.successHandler(BrowserLogin::succeeded).failureHandler(problems::loginFailed));
		http.logout(logout -> logout.logoutSuccessHandler(BrowserLogin::loggedOut));
		// an API call without credentials is answered 401, not remembered in a new session to replay after a login
		http.requestCache(cache -> cache.requestCache(new NullRequestCache()));
		http.exceptionHandling(e -> e.authenticationEntryPoint(problems::unauthorized)
			.accessDeniedHandler(problems::forbidden));
		http.addFilterBefore(new ApiKeyFilter(apiKeys), BasicAuthenticationFilter.class);
		// CSRF protects browser sessions; requests without a session (Basic, API key, anonymous) carry nothing to forge
		// the SPA reads the token from the XSRF-TOKEN cookie and sends it back as X-XSRF-TOKEN
		http.csrf(csrf -> csrf.spa().ignoringRequestMatchers(request -> request.getSession(false) == null
				|| request.getHeader("Authorization") != null || request.getHeader(ApiKeyFilter.HEADER) != null)
			.ignoringRequestMatchers("/api/webhooks/**"));
		http.addFilterAfter(BrowserLogin::issueCsrfCookie, CsrfFilter.class);
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
