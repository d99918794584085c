package com.leadflow.analytics.web;

import java.io.StringWriter;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * CSV export of a report: asked for with {@code ?format=csv} or {@code Accept: text/csv}. Text cells starting with
 * {@code = + - @} (or a tab / carriage return) get a leading {@code '} so spreadsheets do not run them as formulas.
 */
final class CsvExport {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private CsvExport() {
	}

	static boolean wanted(String format, String accept) {
		return "csv".equalsIgnoreCase(format)
				|| (format == null && accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv"));
	}

	/** JSON body, or the CSV of {@code header} and {@code rows} when asked for. */
	static ResponseEntity<Object> respond(String format, String accept, Object json, String name, List<String> header,
			List<List<Object>> rows) {
		if (!wanted(format, accept)) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
		}
		StringWriter out = new StringWriter();
		try (CsvWriter csv = CsvWriter.builder().build(out)) {
			csv.writeRecord(header);
			for (List<Object> row : rows) {
				csv.writeRecord(row.stream().map(CsvExport::cell).toList());
			}
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return ResponseEntity.ok().contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
			.body(out.toString());
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number) {
			return value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
		}
		String s = value.toString();
		if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
			return "'" + s;
		}
		return s;
	}
}
