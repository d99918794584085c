package com.leadflow.campaigns.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.leadflow.campaigns.support.Problems;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploaded import files: read once on arrival (format, encoding, header, row count, a preview and a proposed mapping),
 * then kept in the database in 1 MiB chunks so that any node can run the job and a restart does not lose the file.
 */
@Service
public class Uploads {

	/** An upload as the client sees it before starting a job. */
	public record Preview(long uploadId, String filename, FileFormat format, String encoding, long sizeBytes,
			List<String> headers, long totalRows, List<List<String>> rows, List<HeaderMapping.Column> proposedMapping) {
	}

	/** A stored upload. */
	public record Upload(long id, String filename, FileFormat format, String encoding, List<String> headers,
			long totalRows) {

		public Charset charset() {
			return encoding == null ? null : CsvEncoding.named(encoding);
		}
	}

	static final int CHUNK = 1024 * 1024;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	private final ImportProperties properties;

	Uploads(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, TransactionTemplate tx, ImportProperties properties) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
		this.tx = tx;
		this.properties = properties;
	}

	/** Reads and stores an uploaded file; a file that is not a readable CSV/.xlsx is a 400 problem. */
	public Preview store(InputStream content, String filename, String encoding) {
		Path temp = null;
		try {
			temp = Files.createTempFile("leadflow-upload", ".bin");
			long size;
			try (OutputStream out = Files.newOutputStream(temp)) {
				size = copyLimited(content, out);
			}
			if (size == 0) {
				throw Problems.invalid("bad-file", "The file is empty.", List.of(new Problems.FieldProblem("file", "is empty")));
			}
			String name = filename == null || filename.isBlank() ? "upload" : filename;
			FileFormat format = FileFormat.of(temp, name).orElseThrow(() -> Problems.invalid("bad-file",
					"Only .csv and .xlsx files can be imported (an old .xls must be saved as .xlsx).",
					List.of(new Problems.FieldProblem("file", "is neither a CSV nor an .xlsx workbook"))));
			Charset charset = null;
			if (format == FileFormat.CSV) {
				charset = encoding == null || encoding.isBlank() ? CsvEncoding.detect(temp) : charset(encoding);
			}
			List<String> headers;
			List<List<String>> rows = new ArrayList<>();
			long total = 0;
			try (RowSource source = RowSource.open(temp, format, charset)) {
				headers = source.header();
				for (SourceRow row = source.next(); row != null; row = source.next()) {
					if (rows.size() < properties.previewRows()) {
						rows.add(row.cells());
					}
					total++;
				}
			}
			catch (RuntimeException e) {
				throw unreadable(e);
			}
			if (headers.isEmpty() || headers.stream().allMatch(String::isEmpty)) {
				throw Problems.invalid("bad-file", "The file has no header row.",
						List.of(new Problems.FieldProblem("file", "has no header row")));
			}
			if (total == 0) {
				throw Problems.invalid("bad-file", "The file has a header row but no rows of data.",
						List.of(new Problems.FieldProblem("file", "has no rows below its header")));
			}
			String charsetName = charset == null ? null : charset.name();
			Path file = temp;
			long bytes = size;
			long rowCount = total;
			List<String> header = headers;
			long id = tx.execute(status -> insert(file, name, format, charsetName, bytes, header, rowCount));
			return new Preview(id, name, format, charsetName, size, headers, total, rows, HeaderMapping.propose(headers));
		}
		catch (IOException e) {
			throw unreadable(e);
		}
		finally {
			deleteQuietly(temp);
		}
	}

	public Optional<Upload> find(long id) {
		return jdbc.sql("select id, filename, format, encoding, headers::text, total_rows from import_upload where id = ?")
			.param(id)
			.query((rs, i) -> new Upload(rs.getLong(1), rs.getString(2), FileFormat.valueOf(rs.getString(3)),
					rs.getString(4), json.readValue(rs.getString(5), new TypeReference<List<String>>() {
					}), rs.getLong(6)))
			.optional();
	}

	/** Copies a stored upload to a temporary file, one chunk at a time (the caller deletes it). */
	public Path spool(long uploadId) {
		try {
			Path temp = Files.createTempFile("leadflow-import-" + uploadId + "-", ".bin");
			try (OutputStream out = Files.newOutputStream(temp)) {
				for (int seq = 0;; seq++) {
					List<byte[]> chunk = template.query("select data from import_upload_chunk where upload_id = ? and seq = ?",
							(rs, i) -> rs.getBytes(1), uploadId, seq);
					if (chunk.isEmpty()) {
						break;
					}
					out.write(chunk.get(0));
				}
			}
			return temp;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private long insert(Path file, String name, FileFormat format, String encoding, long size, List<String> headers,
			long total) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into import_upload (filename, format, encoding, size_bytes, headers, total_rows)
				values (?, ?, ?, ?, ?::jsonb, ?)""")
			.params(name, format.name(), encoding, size, json.writeValueAsString(headers), total)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[CHUNK];
			for (int seq = 0;; seq++) {
				int n = in.readNBytes(buffer, 0, CHUNK);
				if (n <= 0) {
					break;
				}
				byte[] data = n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n);
				template.update("insert into import_upload_chunk (upload_id, seq, data) values (?, ?, ?)", id, seq, data);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return id;
	}

	private long copyLimited(InputStream in, OutputStream out) throws IOException {
		long limit = properties.maxFileSize().toBytes();
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) > 0) {
			total += n;
			if (total > limit) {
				throw Problems.tooLarge("The file is larger than the limit of " + properties.maxFileSize().toMegabytes()
						+ " MB; split it into several imports.");
			}
			out.write(buffer, 0, n);
		}
		return total;
	}

	private static Charset charset(String encoding) {
		try {
			return CsvEncoding.named(encoding);
		}
		catch (RuntimeException e) {
			throw Problems.invalid("encoding", "unknown encoding '" + encoding + "' (use UTF-8, GBK or GB18030)");
		}
	}

	private static RuntimeException unreadable(Exception e) {
		if (e instanceof org.springframework.web.ErrorResponseException ere) {
			return ere;
		}
		return Problems.invalid("bad-file", "The file could not be read: " + firstLine(e.getMessage()),
				List.of(new Problems.FieldProblem("file", "could not be read as CSV or .xlsx")));
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable content";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ignored) {
				// a temp file: the OS cleans it eventually
			}
		}
	}
}
