package com.leadflow.campaigns.series;

import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.ErrorResponseException;

import com.leadflow.campaigns.CampaignSeries;
import com.leadflow.campaigns.CampaignSeries.Brief;
import com.leadflow.campaigns.CampaignSeries.ChannelCost;
import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.FourCRole;
import com.leadflow.campaigns.JourneyStage;
import com.leadflow.campaigns.SeriesStatus;
import com.leadflow.campaigns.series.SeriesCatalog.SeriesDraft;

@SpringBootTest
class SeriesCatalogTests {

	@Autowired
	SeriesCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	static SeriesDraft draft(String name) {
		return new SeriesDraft(name, "500 SQLs", new Brief("CIO of a manufacturer", "cut downtime 30%", "Book a demo",
				"free assessment"), JourneyStage.NEEDS_AND_GAPS, FourCRole.CONNECT, LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 5, 31), "li.lei", SeriesStatus.ACTIVE, new BigDecimal("120000.00"), null,
				List.of(new ChannelCost(Channel.WEBINAR, new BigDecimal("30000")),
						new ChannelCost(Channel.WHITEPAPER, new BigDecimal("5000"))));
	}

	@Test
	void storesASeriesWithItsBriefAndChannelCosts() {
		CampaignSeries created = catalog.create(draft("Smart factory 2026"));

		CampaignSeries read = catalog.get(created.id());
		then(read.brief().cta()).isEqualTo("Book a demo");
		then(read.journeyStage()).isEqualTo(JourneyStage.NEEDS_AND_GAPS);
		then(read.fourCRole()).isEqualTo(FourCRole.CONNECT);
		then(read.channels()).extracting(ChannelCost::channel).containsExactly(Channel.WEBINAR, Channel.WHITEPAPER);
		then(read.channelCost()).isEqualByComparingTo("35000");
		then(read.currency()).isEqualTo("CNY");
	}

	@Test
	void theDefaultSeriesComesBackWhenItWasRemoved() {
		jdbc.update("delete from campaign_series where name = ?", CampaignSeries.DEFAULT_NAME);

		long id = catalog.defaultSeriesId();

		then(catalog.get(id).name()).isEqualTo("400Inbound");
		then(catalog.get(id).channels()).extracting(ChannelCost::channel).containsExactly(Channel.HOTLINE_400);
		then(catalog.defaultSeriesId()).isEqualTo(id);
	}

	@Test
	void refusesToDeleteTheDefaultSeries() {
		long id = catalog.defaultSeriesId();

		thenThrownBy(() -> catalog.delete(id)).isInstanceOf(ErrorResponseException.class)
			.satisfies(e -> then(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(409));
	}

	@Test
	void refusesAStaleUpdate() {
		CampaignSeries created = catalog.create(draft("Versioned"));
		catalog.update(created.id(), draft("Versioned"), 0);

		thenThrownBy(() -> catalog.update(created.id(), draft("Versioned again"), 0))
			.isInstanceOf(ErrorResponseException.class)
			.satisfies(e -> then(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(409));
		then(catalog.get(created.id()).version()).isEqualTo(1);
	}

	@Test
	void namesAreUniqueIgnoringCase() {
		catalog.create(draft("Roadshow"));

		thenThrownBy(() -> catalog.create(draft("ROADSHOW"))).isInstanceOf(ErrorResponseException.class)
			.satisfies(e -> then(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(409));
	}
}
