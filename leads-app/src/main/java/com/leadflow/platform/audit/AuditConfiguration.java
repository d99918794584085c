package com.leadflow.platform.audit;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Registers the audit interceptor and serves the audit log to admins. */
@Configuration(proxyBeanMethods = false)
@RestController
@Tag(name = "Audit", description = "The append-only audit log")
class AuditConfiguration implements WebMvcConfigurer {

	private final AuditInterceptor interceptor;

	private final AuditTrail trail;

	AuditConfiguration(AuditInterceptor interceptor, AuditTrail trail) {
		this.interceptor = interceptor;
		this.trail = trail;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(interceptor).addPathPatterns("/api/**");
	}

	@GetMapping("/api/admin/audit")
	@Operation(summary = "Audit entries, newest first (by actor and/or lead)")
	List<AuditTrail.Entry> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) Long leadId,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return trail.find(actor, leadId, limit);
	}
}
