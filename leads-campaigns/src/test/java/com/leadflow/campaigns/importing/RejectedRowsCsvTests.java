package com.leadflow.campaigns.importing;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.leadflow.campaigns.importing.ImportJobs.RejectedRow;
import com.leadflow.campaigns.importing.RowMapper.RowProblem;

class RejectedRowsCsvTests {

	@Test
	void writesRowsWithOutcomeAndErrorColumnsAndDefusesFormulas() throws IOException {
		List<RejectedRow> rows = List.of(
				new RejectedRow(3, List.of(new RowProblem("邮箱", "'x' is not an e-mail address")),
						List.of("=HYPERLINK(\"http://evil\")", "x"), false),
				new RejectedRow(9, List.of(new RowProblem("", "needs an e-mail")), List.of("@SUM(A1)", "+1", "-2"), true));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		RejectedRowsCsv.write(out, List.of("姓名", "邮箱"), after -> after == 0 ? rows : List.of());

		byte[] bytes = out.toByteArray();
		then(bytes[0] & 0xff).isEqualTo(0xEF);
		String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		then(csv.lines()).containsExactly("row,姓名,邮箱,outcome,error",
				"3,\"'=HYPERLINK(\"\"http://evil\"\")\",x,stored,邮箱: 'x' is not an e-mail address",
				"9,'@SUM(A1),'+1,'-2,rejected,needs an e-mail");
	}

	@Test
	void leavesOrdinaryCellsAlone() {
		then(RejectedRowsCsv.escape("张伟")).isEqualTo("张伟");
		then(RejectedRowsCsv.escape("a=b")).isEqualTo("a=b");
		then(RejectedRowsCsv.escape("")).isEmpty();
	}
}
