package com.leadflow.campaigns.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The rows of the first sheet of an .xlsx workbook, streamed by fastexcel-reader from the file (the sheet's XML is
 * parsed as it is read, never loaded whole). Cells are their displayed text, trimmed; blank rows are skipped.
 */
final class XlsxRows implements RowSource {

	private final ReadableWorkbook workbook;

	private final Stream<Row> stream;

	private final Iterator<Row> rows;

	private final List<String> header;

	private long rowNo;

	private XlsxRows(ReadableWorkbook workbook) throws IOException {
		this.workbook = workbook;
		this.stream = workbook.getFirstSheet().openStream();
		this.rows = stream.iterator();
		List<String> first = List.of();
		while (rows.hasNext() && first.stream().allMatch(String::isEmpty)) {
			first = cells(rows.next());
		}
		this.header = first;
	}

	static XlsxRows open(Path file) throws IOException {
		ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
		try {
			return new XlsxRows(workbook);
		}
		catch (IOException | RuntimeException e) {
			workbook.close();
			throw e;
		}
	}

	@Override
	public List<String> header() {
		return header;
	}

	@Override
	public SourceRow next() {
		while (rows.hasNext()) {
			List<String> cells = cells(rows.next());
			if (cells.stream().anyMatch(c -> !c.isEmpty())) {
				return new SourceRow(++rowNo, cells);
			}
		}
		return null;
	}

	private static List<String> cells(Row row) {
		List<String> cells = new ArrayList<>(row.getCellCount());
		for (int i = 0; i < row.getCellCount(); i++) {
			String text = row.hasCell(i) ? row.getCellText(i) : "";
			cells.add(text == null ? "" : text.strip());
		}
		return cells;
	}

	@Override
	public void close() {
		try {
			stream.close();
			workbook.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
