package com.leadflow.campaigns.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The rows of a CSV file, streamed by FastCSV. A UTF-8 BOM is skipped; the separator (comma, semicolon or tab) is
 * taken from the header line; fields are trimmed; rows whose cells are all blank are skipped.
 */
final class CsvRows implements RowSource {

	private final CsvReader<CsvRecord> reader;

	private final Iterator<CsvRecord> records;

	private final List<String> header;

	private long rowNo;

	private CsvRows(CsvReader<CsvRecord> reader) {
		this.reader = reader;
		this.records = reader.iterator();
		this.header = records.hasNext() ? records.next().getFields().stream().map(CsvRows::clean).toList() : List.of();
	}

	static CsvRows open(Path file, Charset charset) throws IOException {
		char separator = separatorOf(file, charset);
		Reader text = new BufferedReader(new InputStreamReader(skipBom(Files.newInputStream(file)), charset), 64 * 1024);
		return new CsvRows(CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true).allowExtraFields(true)
			.allowMissingFields(true).allowExtraCharsAfterClosingQuote(true).ofCsvRecord(text));
	}

	private static InputStream skipBom(InputStream in) throws IOException {
		var buffered = new java.io.BufferedInputStream(in, 64 * 1024);
		buffered.mark(3);
		byte[] bom = buffered.readNBytes(3);
		if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
			buffered.reset();
		}
		return buffered;
	}

	/** The most frequent of comma, semicolon and tab in the first line (comma on a tie). */
	private static char separatorOf(Path file, Charset charset) throws IOException {
		try (var in = new BufferedReader(new InputStreamReader(skipBom(Files.newInputStream(file)), charset))) {
			String first = in.readLine();
			if (first == null) {
				return ',';
			}
			long commas = first.chars().filter(c -> c == ',').count();
			long semicolons = first.chars().filter(c -> c == ';').count();
			long tabs = first.chars().filter(c -> c == '\t').count();
			if (tabs > commas && tabs >= semicolons) {
				return '\t';
			}
			return semicolons > commas ? ';' : ',';
		}
	}

	@Override
	public List<String> header() {
		return header;
	}

	@Override
	public SourceRow next() {
		while (records.hasNext()) {
			List<String> cells = records.next().getFields().stream().map(CsvRows::clean).toList();
			if (cells.stream().anyMatch(c -> !c.isEmpty())) {
				return new SourceRow(++rowNo, cells);
			}
		}
		return null;
	}

	static String clean(String cell) {
		return cell == null ? "" : cell.strip();
	}

	@Override
	public void close() {
		try {
			reader.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
