package com.leadflow.scoring.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.scoring.bulk.ModelActivation;
import com.leadflow.scoring.bulk.ModelActivation.Activated;
import com.leadflow.scoring.model.ModelCatalog;
import com.leadflow.scoring.model.ModelDefinition;
import com.leadflow.scoring.model.ModelStatus;
import com.leadflow.scoring.model.ScoringModel;
import com.leadflow.scoring.simulation.Simulation;
import com.leadflow.scoring.simulation.SimulationReport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Scoring models: drafts are created, edited, simulated on history and activated (which re-scores every lead). */
@RestController
@RequestMapping("/api/scoring/models")
@Tag(name = "Scoring models", description = "Versioned BANT + behaviour scoring models, one active per scope")
class ScoringModelController {

	private final ModelCatalog catalog;

	private final ModelActivation activation;

	private final Simulation simulation;

	ScoringModelController(ModelCatalog catalog, ModelActivation activation, Simulation simulation) {
		this.catalog = catalog;
		this.activation = activation;
		this.simulation = simulation;
	}

	/** A draft to create or the new content of a draft. */
	record ModelRequest(String scope, String name, ModelDefinition definition) {
	}

	@GetMapping
	@Operation(summary = "List models", description = "Optionally only one scope ('default' or an industry) or status")
	List<ScoringModel> list(@RequestParam(required = false) String scope,
			@RequestParam(required = false) ModelStatus status) {
		return catalog.list(scope, status);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One model with its definition")
	ScoringModel get(@PathVariable long id) {
		return catalog.get(id);
	}

	@PostMapping
	@Operation(summary = "Create a draft model", description = "400 with every invalid field named (unknown action "
			+ "types, thresholds not ascending, points beyond ±1000)")
	ResponseEntity<ScoringModel> create(@RequestBody ModelRequest request) {
		ScoringModel model = catalog.createDraft(request.scope(), request.name(), request.definition());
		return ResponseEntity.created(URI.create("/api/scoring/models/" + model.id())).body(model);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a draft's name and definition", description = "409 unless the model is a draft")
	ScoringModel update(@PathVariable long id, @RequestBody ModelRequest request) {
		return catalog.updateDraft(id, request.name(), request.definition());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a draft", description = "409 unless the model is a draft")
	void delete(@PathVariable long id) {
		catalog.deleteDraft(id);
	}

	@PostMapping("/{id}/simulate")
	@Operation(summary = "Simulate a model over all leads of its scope",
			description = "Stored scores do not change. Band distribution now vs with this model, leads that would "
					+ "change band (sample), conversion rate per band and AUC where outcomes are known")
	SimulationReport simulate(@PathVariable long id) {
		return simulation.simulate(id);
	}

	@PostMapping("/{id}/activate")
	@Operation(summary = "Activate a draft", description = "Retires the scope's active model and starts a bulk "
			+ "re-score job; 202 with the job (follow its Location for progress)")
	ResponseEntity<Activated> activate(@PathVariable long id) {
		Activated activated = activation.activate(id);
		return ResponseEntity.accepted()
			.location(URI.create("/api/scoring/jobs/" + activated.job().id()))
			.body(activated);
	}
}
