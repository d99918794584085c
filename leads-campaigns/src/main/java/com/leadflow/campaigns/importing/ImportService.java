package com.leadflow.campaigns.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.series.SeriesCatalog;
import com.leadflow.campaigns.support.Problems;
import com.leadflow.campaigns.support.Problems.FieldProblem;

/** Starts import jobs from uploads, checking the mapping, the target series and the mode first. */
@Service
public class ImportService {

	/**
	 * What to run: the upload, its target series (null: the default series) and channel (null: IMPORT), the mode,
	 * whether to only check the rows, whether a row with an invalid field is rejected (strict) or stored without that
	 * field, and which field each header fills (null: the proposed mapping).
	 */
	public record StartImport(long uploadId, Long seriesId, Channel channel, ImportMode mode, boolean dryRun,
			boolean strict, Map<String, LeadField> mapping) {
	}

	private final Uploads uploads;

	private final ImportJobs jobs;

	private final SeriesCatalog series;

	ImportService(Uploads uploads, ImportJobs jobs, SeriesCatalog series) {
		this.uploads = uploads;
		this.jobs = jobs;
		this.series = series;
	}

	public ImportJob start(StartImport start) {
		List<FieldProblem> problems = new ArrayList<>();
		Uploads.Upload upload = uploads.find(start.uploadId()).orElse(null);
		if (upload == null) {
			problems.add(new FieldProblem("uploadId", "no upload with id " + start.uploadId()));
		}
		if (start.seriesId() != null && series.find(start.seriesId()).isEmpty()) {
			problems.add(new FieldProblem("seriesId", "no campaign series with id " + start.seriesId()));
		}
		ImportMode mode = start.mode() == null ? ImportMode.CREATE_AND_UPDATE : start.mode();
		Map<Integer, LeadField> mapping = upload == null ? Map.of() : columns(upload.headers(), start.mapping(), problems);
		if (upload != null && problems.isEmpty() && mapping.values().stream().noneMatch(LeadField::isIdentity)) {
			problems.add(new FieldProblem("mapping", "map at least one column to EMAIL, MOBILE, PHONE, WECHAT_UNIONID, "
					+ "WECHAT_OPENID or CRM_CONTACT_ID"));
		}
		if (!problems.isEmpty()) {
			throw Problems.invalid("invalid-import", "The import cannot start: " + problems.size() + " problem(s).", problems);
		}
		long seriesId = start.seriesId() == null ? series.defaultSeriesId() : start.seriesId();
		Channel channel = start.channel() == null ? Channel.IMPORT : start.channel();
		long id = jobs.create(upload.id(), seriesId, channel.name(), mode, start.dryRun(), start.strict(), mapping,
				upload.totalRows());
		return jobs.find(id).orElseThrow();
	}

	private static Map<Integer, LeadField> columns(List<String> headers, Map<String, LeadField> given,
			List<FieldProblem> problems) {
		Map<Integer, LeadField> columns = new LinkedHashMap<>();
		if (given == null || given.isEmpty()) {
			HeaderMapping.propose(headers).stream().filter(c -> c.field() != null)
				.forEach(c -> columns.put(c.index(), c.field()));
			return columns;
		}
		given.forEach((header, field) -> {
			int index = headers.indexOf(header);
			if (index < 0 && header.matches("#\\d+")) {
				index = Integer.parseInt(header.substring(1)) - 1;
			}
			if (index < 0 || index >= headers.size()) {
				problems.add(new FieldProblem("mapping." + header, "is not a column of the file"));
			}
			else if (field != null) {
				columns.put(index, field);
			}
		});
		return columns;
	}
}
