package com.leadflow.campaigns.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the encoding of a CSV: UTF-8 (with or without BOM) when the whole file decodes strictly as UTF-8, else
 * GB18030 (a superset of GBK and GB2312, what Chinese Excel writes for "CSV (逗号分隔)"). Streams the file once.
 */
public final class CsvEncoding {

	public static final Charset GB18030 = Charset.forName("GB18030");

	private CsvEncoding() {
	}

	/** The charset of the file; a caller who knows better passes it to {@link CsvRows} instead. */
	public static Charset detect(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return isStrictUtf8(in) ? StandardCharsets.UTF_8 : GB18030;
		}
	}

	/** Reads a charset name a caller gave ({@code UTF-8}, {@code GBK}, {@code GB18030}); GBK/GB2312 read as GB18030. */
	public static Charset named(String name) {
		String upper = name.strip().toUpperCase(java.util.Locale.ROOT).replace("_", "-");
		return switch (upper) {
			case "GBK", "GB2312", "CP936", "GB18030" -> GB18030;
			case "UTF8", "UTF-8", "UTF-8-BOM" -> StandardCharsets.UTF_8;
			default -> Charset.forName(name.strip());
		};
	}

	static boolean isStrictUtf8(InputStream in) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
		CharBuffer chars = CharBuffer.allocate(64 * 1024);
		byte[] chunk = new byte[32 * 1024];
		int n;
		while ((n = in.read(chunk)) > 0) {
			bytes.put(chunk, 0, n).flip();
			CoderResult result = decoder.decode(bytes, chars, false);
			if (result.isError()) {
				return false;
			}
			chars.clear();
			bytes.compact(); // keeps a multi-byte sequence cut by the chunk boundary for the next round
		}
		bytes.flip();
		CoderResult last = decoder.decode(bytes, chars, true);
		if (last.isError()) {
			return false;
		}
		try {
			return !decoder.flush(chars).isError();
		}
		catch (IllegalStateException e) {
			throw new CharacterCodingException();
		}
	}
}
