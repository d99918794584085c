package com.leadflow.campaigns.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.writer.CsvWriter;

import com.leadflow.campaigns.importing.ImportJobs.RejectedRow;

/**
 * Writes an import's reported rows as CSV: the row number, the original cells, an {@code outcome} column
 * ({@code rejected}: not stored; {@code stored}: stored without the values named) and an {@code error} column, in UTF-8
 * with a BOM (so Excel opens Chinese text correctly). Cells that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or carriage return) are prefixed with an apostrophe: a downloaded file cannot inject formulas.
 */
public final class RejectedRowsCsv {

	private RejectedRowsCsv() {
	}

	/** Writes all rejected rows, fetched page by page with {@code page(afterRowNo)} until a page is empty. */
	public static void write(OutputStream out, List<String> headers, LongFunction<List<RejectedRow>> page)
			throws IOException {
		out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CsvWriter csv = CsvWriter.builder().build(writer);
		List<String> header = new ArrayList<>();
		header.add("row");
		headers.forEach(h -> header.add(escape(h)));
		header.add("outcome");
		header.add("error");
		csv.writeRecord(header);
		long after = 0;
		for (List<RejectedRow> rows = page.apply(after); !rows.isEmpty(); rows = page.apply(after)) {
			for (RejectedRow row : rows) {
				List<String> record = new ArrayList<>(headers.size() + 2);
				record.add(Long.toString(row.rowNo()));
				for (int i = 0; i < headers.size(); i++) {
					record.add(escape(i < row.cells().size() ? row.cells().get(i) : ""));
				}
				for (int i = headers.size(); i < row.cells().size(); i++) {
					record.add(escape(row.cells().get(i)));
				}
				record.add(row.rejected() ? "rejected" : "stored");
				record.add(escape(row.problems().stream()
					.map(p -> p.column().isEmpty() ? p.reason() : p.column() + ": " + p.reason())
					.collect(Collectors.joining("; "))));
				csv.writeRecord(record);
				after = row.rowNo();
			}
		}
		csv.flush();
	}

	/** Neutralises a cell a spreadsheet would evaluate as a formula. */
	static String escape(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell
				: cell;
	}
}
