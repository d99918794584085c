package com.leadflow.campaigns.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.campaigns.CampaignSeries;
import com.leadflow.campaigns.series.SeriesCatalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Campaign series over HTTP: create, list, read, replace, delete (the default series cannot be deleted). */
@RestController
@RequestMapping("/api/campaign-series")
@Tag(name = "Campaign series", description = "Series with brief, buying-journey stage, 4C role, budget and channels")
class SeriesController {

	private final SeriesCatalog catalog;

	SeriesController(SeriesCatalog catalog) {
		this.catalog = catalog;
	}

	@PostMapping
	@Operation(summary = "Create a campaign series")
	ResponseEntity<CampaignSeries> create(@Valid @RequestBody SeriesRequest request) {
		CampaignSeries series = catalog.create(request.toDraft());
		return ResponseEntity.created(URI.create("/api/campaign-series/" + series.id())).body(series);
	}

	@GetMapping
	@Operation(summary = "All campaign series, the default one included")
	List<CampaignSeries> all() {
		return catalog.all();
	}

	@GetMapping("/{id}")
	CampaignSeries one(@PathVariable long id) {
		return catalog.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a campaign series and its channels",
			description = "Send the version you read to refuse the update (409) when someone changed it meanwhile.")
	CampaignSeries replace(@PathVariable long id, @Valid @RequestBody SeriesRequest request) {
		return catalog.update(id, request.toDraft(), request.version());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		catalog.delete(id);
		return ResponseEntity.noContent().build();
	}
}
