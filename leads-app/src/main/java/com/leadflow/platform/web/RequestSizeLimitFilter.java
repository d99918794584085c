package com.leadflow.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@link RequestLimits#maxBody()} with 413 before anything reads them: by the declared
 * length at once, and for bodies sent without one (chunked) by counting while the body is read. File uploads
 * (multipart) are left to the multipart limit.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	/** A body that went past the limit while being read; turned into 413 by {@link ProblemDetailsAdvice}. */
	static class BodyTooLarge extends IOException {

		BodyTooLarge(long limit) {
			super("The request body is larger than " + limit + " bytes.");
		}
	}

	private final long limit;

	RequestSizeLimitFilter(RequestLimits limits) {
		this.limit = limits.maxBody().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > limit) {
			Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
					"The request body may have at most " + limit + " bytes; send large data as an import file.");
			return;
		}
		chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Counted(request, limit), response);
	}

	/** A request whose body stream fails once more than {@code limit} bytes were read. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				ServletInputStream in = super.getInputStream();
				stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						count(b < 0 ? 0 : 1);
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						count(Math.max(n, 0));
						return n;
					}

					private void count(int n) throws BodyTooLarge {
						read += n;
						if (read > limit) {
							throw new BodyTooLarge(limit);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return stream;
		}
	}
}
