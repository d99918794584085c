package com.leadflow.campaigns.importing;

import static org.assertj.core.api.BDDAssertions.then;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.importing.RowMapper.Mapped;
import com.leadflow.campaigns.importing.RowMapper.RowProblem;
import com.leadflow.core.TouchAction;

class RowMapperTests {

	static final List<String> HEADERS = List.of("姓名", "手机", "邮箱", "公司", "行业", "utm_source", "备注");

	static final RowMapper MAPPER = new RowMapper(HEADERS,
			Map.of(0, LeadField.NAME, 1, LeadField.MOBILE, 2, LeadField.EMAIL, 3, LeadField.COMPANY, 4,
					LeadField.INDUSTRY, 5, LeadField.UTM_SOURCE, 6, LeadField.NOTES),
			42L, Channel.IMPORT, "import:7:");

	@Test
	void mapsARowToAnArrivalTaggedWithSeriesChannelAndRowKey() {
		Mapped mapped = MAPPER.map(new SourceRow(12, List.of("张伟", "138 0013 8000", "zw@example.cn", "某某科技有限公司",
				"制造业", "baidu", "展会名单")), Instant.EPOCH);

		then(mapped.ok()).isTrue();
		then(mapped.arrival().person().phones()).containsExactly("138 0013 8000");
		then(mapped.arrival().person().attributes()).containsEntry("notes", "展会名单");
		then(mapped.arrival().company().industry()).isEqualTo("制造业");
		then(mapped.arrival().touch().seriesId()).isEqualTo(42L);
		then(mapped.arrival().touch().channel()).isEqualTo("IMPORT");
		then(mapped.arrival().touch().action()).isEqualTo(TouchAction.IMPORT);
		then(mapped.arrival().touch().idempotencyKey()).isEqualTo("import:7:12");
		then(mapped.arrival().touch().payload()).containsEntry("utmSource", "baidu").containsEntry("importRow", 12L);
		then(mapped.arrival().source()).isEqualTo("IMPORT");
	}

	@Test
	void rejectsARowWithoutAnyIdentity() {
		Mapped mapped = MAPPER.map(new SourceRow(3, List.of("张伟", "", "", "某某科技")), Instant.EPOCH);

		then(mapped.problems()).extracting(RowProblem::column).containsExactly("");
		then(mapped.problems().get(0).reason()).contains("e-mail", "phone");
	}

	@Test
	void namesTheColumnOfEachBadCell() {
		Mapped mapped = MAPPER.map(new SourceRow(4, List.of("张伟", "call me", "not-an-email")), Instant.EPOCH);

		then(mapped.problems()).extracting(RowProblem::column).containsExactlyInAnyOrder("邮箱", "手机");
	}
}
