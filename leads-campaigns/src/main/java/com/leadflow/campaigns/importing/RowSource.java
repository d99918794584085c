package com.leadflow.campaigns.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/** A streamed import file: its header, then its data rows one by one (never the whole file in memory). */
public interface RowSource extends AutoCloseable {

	List<String> header();

	/** The next non-blank data row, or null at the end. */
	SourceRow next();

	@Override
	void close();

	/** Opens a file of the given format; for CSV a null charset means "detect it". */
	static RowSource open(Path file, FileFormat format, Charset charset) {
		try {
			return switch (format) {
				case CSV -> CsvRows.open(file, charset == null ? CsvEncoding.detect(file) : charset);
				case XLSX -> XlsxRows.open(file);
			};
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
