package com.leadflow.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that keep one client from hurting the others.
 * @param maxBody the largest request body except file uploads (multipart has its own limit, see application.yml)
 * @param ingestPerMinute requests per minute one caller (API key, user, else IP address) may send to the ingestion
 * endpoints: lead arrivals, touch ingestion, import uploads and webhooks; a batch of up to 1,000 touches is one
 * request
 * @param ingestBurst how many of those may come at once after a quiet spell
 */
@ConfigurationProperties("leadflow.web.limits")
public record RequestLimits(@DefaultValue("2MB") DataSize maxBody, @DefaultValue("1200") long ingestPerMinute,
		@DefaultValue("300") long ingestBurst) {
}
