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
			42L, Channel.IMPORT, "import:7:", false);

	@Test
	void mapsARowToAnArrivalTaggedWithSeriesChannelAndRowKey() {
		Mapped mapped = MAPPER.map(new SourceRow(12, List.of("张伟", "138 0013 8000", "zw@example.cn", "某某科技有限公司",
				"制造业", "baidu", "展会名单")), Instant.EPOCH);

		then(mapped.warnings()).isEmpty();
		then(mapped.phoneColumns()).containsExactly("手机");
		then(mapped.arrival().strict()).isFalse();
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
	void leavesValidationToThePoolAndKeepsEveryPhoneColumnApart() {
		RowMapper mapper = new RowMapper(List.of("姓名", "手机", "座机", "邮箱", "角色"),
				Map.of(0, LeadField.NAME, 1, LeadField.MOBILE, 2, LeadField.PHONE, 3, LeadField.EMAIL, 4,
						LeadField.DECISION_ROLE),
				1L, Channel.IMPORT, "k:", true);

		Mapped mapped = mapper.map(new SourceRow(4, List.of("张伟", "call me", "010-8888 6666", "not-an-email", "决策者")),
				Instant.EPOCH);

		then(mapped.arrival().person().phones()).containsExactly("call me", "010-8888 6666");
		then(mapped.arrival().person().emails()).containsExactly("not-an-email");
		then(mapped.arrival().person().decisionRole()).hasToString("DECISION_MAKER");
		then(mapped.arrival().strict()).isTrue();
		then(mapper.column("phones[1]", mapped)).isEqualTo("座机");
		then(mapper.column("phone", mapped)).isEqualTo("手机");
		then(mapper.column("email", mapped)).isEqualTo("邮箱");
		then(mapper.column("name", mapped)).isEmpty();
	}

	@Test
	void namesTheColumnOfACellItLeavesOut() {
		RowMapper mapper = new RowMapper(List.of("邮箱", "角色"), Map.of(0, LeadField.EMAIL, 1, LeadField.DECISION_ROLE),
				1L, Channel.IMPORT, "k:", false);

		Mapped mapped = mapper.map(new SourceRow(5, List.of("a@b.cn", "老板的朋友")), Instant.EPOCH);

		then(mapped.warnings()).extracting(RowProblem::column).containsExactly("角色");
		then(mapped.arrival().person().decisionRole()).isNull();
	}
}
