package com.leadflow.campaigns.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.leadflow.campaigns.ingestion.IngestionService;
import com.leadflow.campaigns.ingestion.IngestionService.Result;
import com.leadflow.core.Resolution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Multi-channel ingestion: one touch, or a batch of up to 1,000, each with an idempotency key. */
@RestController
@RequestMapping("/api/ingest")
@Tag(name = "Ingestion", description = "Touches from every channel into the lead pool, tagged with series and channel")
class IngestionController {

	static final int MAX_BATCH = 1000;

	record BatchRequest(@NotEmpty @Size(max = MAX_BATCH) List<@Valid @NotNull IngestRequest> items) {
	}

	record BatchResponse(int received, long created, long matched, long duplicates, long rejected, List<Result> results) {
	}

	private final IngestionService ingestion;

	IngestionController(IngestionService ingestion) {
		this.ingestion = ingestion;
	}

	@PostMapping("/touches")
	@Operation(summary = "Ingest one touch", description = "201 when a lead was created; 200 when it matched an existing "
			+ "lead or the idempotency key was seen before (outcome DUPLICATE_TOUCH); 400 with field problems otherwise.")
	ResponseEntity<Result> one(@Valid @RequestBody IngestRequest request) {
		Result result = ingestion.ingest(request.toIngest());
		return ResponseEntity.status(result.outcome() == Resolution.Outcome.CREATED ? 201 : 200).body(result);
	}

	@PostMapping("/batches")
	@Operation(summary = "Ingest up to 1,000 touches",
			description = "Each item is stored or rejected on its own (results in request order). Re-sending a batch with "
					+ "the same idempotency keys changes nothing: every item comes back as DUPLICATE_TOUCH.")
	BatchResponse batch(@Valid @RequestBody BatchRequest request) {
		List<Result> results = ingestion.ingestAll(request.items().stream().map(IngestRequest::toIngest).toList());
		return new BatchResponse(results.size(), count(results, Resolution.Outcome.CREATED),
				count(results, Resolution.Outcome.MATCHED), count(results, Resolution.Outcome.DUPLICATE_TOUCH),
				results.stream().filter(Result::rejected).count(), results);
	}

	private static long count(List<Result> results, Resolution.Outcome outcome) {
		return results.stream().filter(r -> r.outcome() == outcome).count();
	}
}
