package com.leadflow.campaigns.importing;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.leadflow.campaigns.importing.HeaderMapping.Column;
import com.leadflow.campaigns.importing.HeaderMapping.Match;

class HeaderMappingTests {

	static List<LeadField> fields(List<Column> columns) {
		return columns.stream().map(Column::field).toList();
	}

	@Test
	void recognisesChineseHeaders() {
		List<Column> columns = HeaderMapping.propose(List.of("姓名", "手机号", "邮箱", "公司", "职位", "行业", "省份", "城市",
				"预算", "备注"));

		then(fields(columns)).containsExactly(LeadField.NAME, LeadField.MOBILE, LeadField.EMAIL, LeadField.COMPANY,
				LeadField.TITLE, LeadField.INDUSTRY, LeadField.PROVINCE, LeadField.CITY, LeadField.BUDGET, LeadField.NOTES);
		then(columns).extracting(Column::match).containsOnly(Match.EXACT);
	}

	@Test
	void recognisesEnglishHeadersInAnyCaseAndSpacing() {
		List<Column> columns = HeaderMapping.propose(List.of("Full Name", "E-Mail", "Mobile Phone", "Company Name",
				"Job Title", "REGION", "utm_source", "UTM Campaign"));

		then(fields(columns)).containsExactly(LeadField.NAME, LeadField.EMAIL, LeadField.MOBILE, LeadField.COMPANY,
				LeadField.TITLE, LeadField.REGION, LeadField.UTM_SOURCE, LeadField.UTM_CAMPAIGN);
	}

	@Test
	void fullWidthAndDecoratedHeadersMatchPartially() {
		List<Column> columns = HeaderMapping.propose(List.of("＊姓名", "手机号码(必填)", "客户邮箱地址", "Unknown stuff"));

		then(fields(columns)).containsExactly(LeadField.NAME, LeadField.MOBILE, LeadField.EMAIL, null);
		then(columns.get(1).match()).isEqualTo(Match.PARTIAL);
		then(columns.get(3).match()).isEqualTo(Match.NONE);
	}

	@Test
	void proposesEachFieldOnlyForItsFirstColumn() {
		List<Column> columns = HeaderMapping.propose(List.of("邮箱", "Email", "电话", "Phone"));

		then(fields(columns)).containsExactly(LeadField.EMAIL, null, LeadField.PHONE, null);
	}
}
