package com.leadflow.campaigns.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.importing.ImportJob;
import com.leadflow.campaigns.importing.ImportJobs;
import com.leadflow.campaigns.importing.ImportJobs.RejectedRow;
import com.leadflow.campaigns.importing.ImportMode;
import com.leadflow.campaigns.importing.ImportReverts;
import com.leadflow.campaigns.importing.ImportService;
import com.leadflow.campaigns.importing.ImportService.StartImport;
import com.leadflow.campaigns.importing.LeadField;
import com.leadflow.campaigns.importing.RejectedRowsCsv;
import com.leadflow.campaigns.importing.Uploads;
import com.leadflow.campaigns.support.Problems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** CSV/Excel import: upload and preview, start a job, follow its progress, download its rejected rows. */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "Imports", description = "CSV (UTF-8 or GB18030/GBK) and .xlsx imports as resumable background jobs")
class ImportController {

	record StartRequest(@NotNull Long uploadId, Long seriesId, Channel channel, ImportMode mode, Boolean dryRun,
			Boolean strict, Map<String, LeadField> mapping) {
	}

	/**
	 * A job's progress. {@code stored} = created + matched + duplicatesInFile; {@code skipped}: rows the mode left out;
	 * {@code withWarnings}: stored rows that lost a field (listed in the report with the reason); {@code revert}: once
	 * reverted, what was removed, restored and kept.
	 */
	record JobView(long id, long uploadId, ImportJob.Status status, long seriesId, String channel, ImportMode mode,
			boolean dryRun, boolean strict, Map<Integer, LeadField> mapping, long totalRows, long position, long read,
			long stored, long created, long matched, long duplicatesInFile, long skipped, long failed,
			long withWarnings, double percent, double rowsPerSecond, int attempts, String lastError,
			Instant createdAt, Instant startedAt, Instant finishedAt, Instant revertedAt, Map<String, Object> revert) {

		static JobView of(ImportJob j) {
			return new JobView(j.id(), j.uploadId(), j.status(), j.seriesId(), j.channel(), j.mode(), j.dryRun(),
					j.strict(), j.mapping(), j.totalRows(), j.position(), j.read(), j.stored(), j.created(),
					j.matched(), j.duplicatesInFile(), j.skipped(), j.failed(), j.withWarnings(), j.percent(),
					j.rowsPerSecond(), j.attempts(), j.lastError(), j.createdAt(), j.startedAt(), j.finishedAt(), j.revertedAt(), j.revert());
		}
	}

	private final Uploads uploads;

	private final ImportService imports;

	private final ImportJobs jobs;

	private final ImportReverts reverts;

	ImportController(Uploads uploads, ImportService imports, ImportJobs jobs, ImportReverts reverts) {
		this.uploads = uploads;
		this.imports = imports;
		this.jobs = jobs;
		this.reverts = reverts;
	}

	@PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a .csv or .xlsx file and get a preview",
			description = "Returns the header, the first rows, the row count, the detected encoding (CSV: UTF-8 or "
					+ "GB18030; pass encoding=GBK/UTF-8 to override) and a proposed column mapping. Files above "
					+ "leadflow.campaigns.import.max-file-size (default 200 MB) get 413; unreadable files 400.")
	ResponseEntity<Uploads.Preview> upload(@RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String encoding) {
		try (InputStream in = file.getInputStream()) {
			Uploads.Preview preview = uploads.store(in, file.getOriginalFilename(), encoding);
			return ResponseEntity.created(URI.create("/api/imports/uploads/" + preview.uploadId())).body(preview);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@PostMapping("/jobs")
	@Operation(summary = "Start an import job (asynchronous)",
			description = "mapping: {header: field}; empty means the proposed mapping. mode: CREATE_AND_UPDATE (the "
					+ "default), CREATE_ONLY or UPDATE_ONLY (rows left out are counted as skipped). dryRun answers per "
					+ "row what the real run would do (created, matched, warnings, rejected) without storing. A row "
					+ "whose e-mail or phone is invalid is stored with its other identities and reported with a "
					+ "warning; strict=true rejects such rows instead.")
	ResponseEntity<JobView> start(@Valid @RequestBody StartRequest request) {
		ImportJob job = imports.start(new StartImport(request.uploadId(), request.seriesId(), request.channel(),
				request.mode(), Boolean.TRUE.equals(request.dryRun()), Boolean.TRUE.equals(request.strict()),
				request.mapping()));
		return ResponseEntity.accepted().location(URI.create("/api/imports/jobs/" + job.id())).body(JobView.of(job));
	}

	@GetMapping("/jobs")
	List<JobView> recent(@RequestParam(defaultValue = "50") int limit) {
		return jobs.recent(Math.max(1, Math.min(limit, 500))).stream().map(JobView::of).toList();
	}

	@GetMapping("/jobs/{id}")
	@Operation(summary = "A job's progress: rows read, stored, created, matched, failed, percent and rate")
	JobView job(@PathVariable long id) {
		return JobView.of(find(id));
	}

	@PostMapping("/jobs/{id}/cancel")
	JobView cancel(@PathVariable long id) {
		ImportJob job = find(id);
		if (!jobs.cancel(id)) {
			throw Problems.conflict("job-finished", "Import job " + id + " is already " + job.status() + ".");
		}
		return JobView.of(find(id));
	}

	@PostMapping("/jobs/{id}/revert")
	@Operation(summary = "Revert an ended import",
			description = "Removes the leads it created and gives the leads it updated their previous field values, "
					+ "identities and timelines back, unless something changed them since: those are kept and listed "
					+ "in revert.kept. 409 while the job runs, when it is reverted already or was a dry run.")
	JobView revert(@PathVariable long id) {
		return JobView.of(reverts.revert(id));
	}

	@GetMapping("/jobs/{id}/rejected")
	@Operation(summary = "Rejected rows and rows stored with warnings: row number, column, reason and "
			+ "rejected=true/false (paged by row number)")
	List<RejectedRow> rejected(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "100") int limit) {
		find(id);
		return jobs.rejected(id, after, Math.max(1, Math.min(limit, 1000)));
	}

	@GetMapping(path = "/jobs/{id}/rejected.csv", produces = "text/csv")
	@Operation(summary = "Reported rows as CSV: the original cells plus outcome (rejected/stored) and error "
			+ "columns (formula-safe)")
	ResponseEntity<StreamingResponseBody> rejectedCsv(@PathVariable long id) {
		ImportJob job = find(id);
		List<String> headers = uploads.find(job.uploadId()).map(Uploads.Upload::headers).orElse(List.of());
		StreamingResponseBody body = out -> RejectedRowsCsv.write(out, headers, after -> jobs.rejected(id, after, 1000));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("import-" + id + "-rejected.csv").build().toString())
			.body(body);
	}

	private ImportJob find(long id) {
		return jobs.find(id).orElseThrow(() -> Problems.notFound("import job", id));
	}
}
