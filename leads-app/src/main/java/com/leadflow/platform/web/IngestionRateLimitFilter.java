package com.leadflow.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per caller on the public ingestion endpoints (lead arrivals, touch ingestion, import uploads,
 * webhooks): the caller is the authenticated user or API key, else the client address. Over the limit: 429 with
 * {@code Retry-After}. Runs after authentication; buckets live in this node's memory.
 */
class IngestionRateLimitFilter extends OncePerRequestFilter {

	/** Above this many callers the buckets are dropped and start full again (bounds memory under address spraying). */
	private static final int MAX_CALLERS = 10_000;

	private final RequestLimits limits;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	IngestionRateLimitFilter(RequestLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !"POST".equals(request.getMethod()) || !(path.equals("/api/leads") || path.startsWith("/api/ingest/")
				|| path.equals("/api/imports/uploads") || path.startsWith("/api/webhooks/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (buckets.size() > MAX_CALLERS) {
			buckets.clear();
		}
		ConsumptionProbe probe = buckets.computeIfAbsent(caller(request), k -> newBucket()).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
		response.setHeader("Retry-After", Long.toString(seconds));
		Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
				"At most " + limits.ingestPerMinute() + " ingestion requests per minute per caller; retry after "
						+ seconds + " s, or send batches of up to 1,000 touches per request.");
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(limits.ingestBurst())
				.refillGreedy(limits.ingestPerMinute(), Duration.ofMinutes(1)))
			.build();
	}

	private static String caller(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
			return "principal:" + auth.getName();
		}
		return "address:" + request.getRemoteAddr();
	}
}
