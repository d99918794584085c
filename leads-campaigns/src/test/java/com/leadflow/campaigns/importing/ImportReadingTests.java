package com.leadflow.campaigns.importing;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportReadingTests {

	static final String CHINESE_CSV = "姓名,手机号,邮箱,公司,职位\r\n张伟,138-0013-8000,zhang.wei@example.cn,北京某某科技有限公司,采购经理\r\n"
			+ "\"李, 娜\",13900139000,,\"上海\"\"星辰\"\"制造\",IT 总监\r\n";

	@TempDir
	Path dir;

	static List<List<String>> readAll(RowSource source) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(source.header());
		for (SourceRow row = source.next(); row != null; row = source.next()) {
			rows.add(row.cells());
		}
		return rows;
	}

	Path write(String name, byte[] bytes) throws IOException {
		return Files.write(dir.resolve(name), bytes);
	}

	@Test
	void readsAGb18030CsvAsSavedByChineseExcel() throws IOException {
		Path file = write("leads.csv", CHINESE_CSV.getBytes(CsvEncoding.GB18030));

		then(CsvEncoding.detect(file)).isEqualTo(CsvEncoding.GB18030);
		try (RowSource rows = RowSource.open(file, FileFormat.CSV, null)) {
			then(readAll(rows)).containsExactly(List.of("姓名", "手机号", "邮箱", "公司", "职位"),
					List.of("张伟", "138-0013-8000", "zhang.wei@example.cn", "北京某某科技有限公司", "采购经理"),
					List.of("李, 娜", "13900139000", "", "上海\"星辰\"制造", "IT 总监"));
		}
	}

	@Test
	void readsUtf8WithAndWithoutBom() throws IOException {
		byte[] plain = CHINESE_CSV.getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[plain.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(plain, 0, bom, 3, plain.length);

		for (Path file : List.of(write("plain.csv", plain), write("bom.csv", bom))) {
			then(CsvEncoding.detect(file)).isEqualTo(StandardCharsets.UTF_8);
			try (RowSource rows = RowSource.open(file, FileFormat.CSV, null)) {
				then(rows.header()).as(file.toString()).first().isEqualTo("姓名");
				then(rows.next().cells()).first().isEqualTo("张伟");
			}
		}
	}

	@Test
	void detectsGb18030EvenWhenTheFirstMegabyteIsPlainAscii() throws IOException {
		StringBuilder csv = new StringBuilder("name,email\n");
		for (int i = 0; csv.length() < 1_100_000; i++) {
			csv.append("person").append(i).append(",p").append(i).append("@example.com\n");
		}
		csv.append("王芳,wang.fang@example.cn\n");
		Path file = write("late.csv", csv.toString().getBytes(CsvEncoding.GB18030));

		then(CsvEncoding.detect(file)).isEqualTo(CsvEncoding.GB18030);
	}

	@Test
	void theCallerMayNameTheEncoding() throws IOException {
		Path file = write("gbk.csv", CHINESE_CSV.getBytes(CsvEncoding.GB18030));

		try (RowSource rows = RowSource.open(file, FileFormat.CSV, CsvEncoding.named("GBK"))) {
			then(rows.header()).containsExactly("姓名", "手机号", "邮箱", "公司", "职位");
		}
	}

	@Test
	void takesTheSeparatorFromTheHeaderAndSkipsBlankRows() throws IOException {
		Path file = write("semi.csv", "Name;Email\nAnna;anna@example.de\n;\n\nBen;ben@example.de\n".getBytes(StandardCharsets.UTF_8));

		try (RowSource rows = RowSource.open(file, FileFormat.CSV, null)) {
			then(readAll(rows)).containsExactly(List.of("Name", "Email"), List.of("Anna", "anna@example.de"),
					List.of("Ben", "ben@example.de"));
		}
	}

	@Test
	void numbersDataRowsFromOne() throws IOException {
		Path file = write("n.csv", "email\na@x.cn\nb@x.cn\n".getBytes(StandardCharsets.UTF_8));

		try (RowSource rows = RowSource.open(file, FileFormat.CSV, null)) {
			then(rows.next().rowNo()).isEqualTo(1);
			then(rows.next().rowNo()).isEqualTo(2);
			then(rows.next()).isNull();
		}
	}

	@Test
	void streamsTheFirstSheetOfAnXlsxWorkbook() throws IOException {
		Path file = dir.resolve("leads.xlsx");
		try (OutputStream out = Files.newOutputStream(file)) {
			Workbook workbook = new Workbook(out, "Leadflow", "1.0");
			Worksheet sheet = workbook.newWorksheet("线索");
			String[] header = { "姓名", "手机", "Email", "预算" };
			for (int c = 0; c < header.length; c++) {
				sheet.value(0, c, header[c]);
			}
			sheet.value(1, 0, "赵敏");
			sheet.value(1, 1, 13800138000L);
			sheet.value(1, 2, "zhao.min@example.cn");
			sheet.value(1, 3, 500000);
			sheet.value(3, 0, "周芷若");
			sheet.value(3, 2, "zhou@example.cn");
			workbook.finish();
		}

		then(FileFormat.of(file, "leads.xlsx")).contains(FileFormat.XLSX);
		try (RowSource rows = RowSource.open(file, FileFormat.XLSX, null)) {
			then(rows.header()).containsExactly("姓名", "手机", "Email", "预算");
			SourceRow first = rows.next();
			then(first.cells()).containsExactly("赵敏", "13800138000", "zhao.min@example.cn", "500000");
			SourceRow second = rows.next();
			then(second.rowNo()).isEqualTo(2);
			then(second.cell(0)).isEqualTo("周芷若");
			then(second.cell(1)).isEmpty();
			then(rows.next()).isNull();
		}
	}

	@Test
	void refusesAFileThatClaimsToBeExcelButIsNot() throws IOException {
		Path file = write("fake.xlsx", "name,email\n".getBytes(StandardCharsets.UTF_8));

		then(FileFormat.of(file, "fake.xlsx")).isEmpty();
		then(FileFormat.of(file, "fake.csv")).contains(FileFormat.CSV);
	}
}
