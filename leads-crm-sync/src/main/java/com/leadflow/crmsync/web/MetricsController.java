package com.leadflow.crmsync.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.crmsync.metrics.LifecycleMetrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Funnel metrics of the lifecycle (aggregates only, no personal data). */
@RestController
@Tag(name = "Lifecycle")
class MetricsController {

	private final LifecycleMetrics metrics;

	MetricsController(LifecycleMetrics metrics) {
		this.metrics = metrics;
	}

	@GetMapping("/api/lifecycle/metrics")
	@Operation(summary = "Per-stage counts and time in stage, conversion to SQL of new vs recycled / long-nurtured leads, SLA misses, re-engaged recycled leads")
	LifecycleMetrics.Metrics metrics() {
		return metrics.compute();
	}
}
