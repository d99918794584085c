package com.leadflow.campaigns.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.campaigns.attribution.Attribution;
import com.leadflow.campaigns.attribution.Attribution.SeriesFigures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Attribution per series and channel: leads created, leads touched, cost per new lead. */
@RestController
@Tag(name = "Attribution", description = "Leads created and touched per campaign series and channel, cost per new lead")
class AttributionController {

	private final Attribution attribution;

	AttributionController(Attribution attribution) {
		this.attribution = attribution;
	}

	@GetMapping("/api/campaign-series/{id}/attribution")
	@Operation(summary = "One series: per channel and in total")
	SeriesFigures series(@PathVariable long id) {
		return attribution.of(id);
	}

	@GetMapping("/api/attribution")
	@Operation(summary = "Every series")
	List<SeriesFigures> all() {
		return attribution.all();
	}
}
