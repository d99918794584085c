package com.leadflow.campaigns.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The spreadsheet formats an import reads, recognised by the file's first bytes and, failing that, its name. */
public enum FileFormat {

	CSV, XLSX;

	/** The format of a file: a ZIP (OOXML) header means .xlsx, an OLE2 header (old .xls) is refused, else CSV. */
	public static Optional<FileFormat> of(Path file, String filename) throws IOException {
		byte[] head = new byte[8];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			return Optional.of(XLSX);
		}
		if (n == 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
				&& (head[3] & 0xff) == 0xE0) {
			return Optional.empty(); // legacy .xls: ask for .xlsx or .csv
		}
		if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
			return Optional.empty(); // claims to be Excel but is not a workbook
		}
		return Optional.of(CSV);
	}
}
