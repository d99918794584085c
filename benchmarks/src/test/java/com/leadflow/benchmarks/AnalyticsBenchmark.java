package com.leadflow.benchmarks;

import static org.assertj.core.api.BDDAssertions.then;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.leadflow.LeadflowApplication;
import com.leadflow.analytics.readmodel.FactRefresher;
import com.leadflow.campaigns.CampaignSeries.ChannelCost;
import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.FourCRole;
import com.leadflow.campaigns.JourneyStage;
import com.leadflow.campaigns.SeriesStatus;
import com.leadflow.campaigns.series.SeriesCatalog;
import com.leadflow.platform.security.ApiKeys;
import com.leadflow.testsupport.CleanDatabaseTestExecutionListener;

/**
 * Analytics report queries through HTTP on a read model of -Dbench.analyticsLeads leads (default 1,000,000) created
 * over three years, each summarising 10 touches (first/last series and channel, last touch, e-mail and phone state):
 * the facts are generated in SQL, the rollups recomputed from them as a rebuild does, 864 market-size segments and
 * 40 series with channel costs. Prints the p95 of each report (-Dbench.analyticsRuns calls each, after warm-up).
 */
@Tag("benchmark")
@SpringBootTest(classes = LeadflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "leadflow.analytics.worker-enabled=false")
class AnalyticsBenchmark {

	static final int LEADS = Integer.getInteger("bench.analyticsLeads", 1_000_000);

	static final int RUNS = Integer.getInteger("bench.analyticsRuns", 60);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiKeys keys;

	@Autowired
	SeriesCatalog series;

	@Autowired
	FactRefresher refresher;

	@Test
	void reportQueriesOnAMillionLeads() {
		CleanDatabaseTestExecutionListener.truncateAll(jdbc);
		List<Long> seriesIds = new ArrayList<>();
		Channel[] channels = Channel.values();
		for (int s = 0; s < 40; s++) {
			List<ChannelCost> costs = List.of(new ChannelCost(channels[s % channels.length], BigDecimal.valueOf(10_000 + s * 500)),
					new ChannelCost(channels[(s + 3) % channels.length], BigDecimal.valueOf(5_000)),
					new ChannelCost(channels[(s + 7) % channels.length], BigDecimal.valueOf(2_000)));
			seriesIds.add(series.create(new SeriesCatalog.SeriesDraft("Series " + s, null, null, JourneyStage.values()[0],
					FourCRole.values()[0], null, null, "bench", SeriesStatus.values()[0], null, "CNY", costs)).id());
		}
		long start = System.nanoTime();
		load(seriesIds);
		double loadSeconds = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		refresher.recomputeRollups();
		double rollupSeconds = (System.nanoTime() - start) / 1e9;
		jdbc.execute("vacuum analyze analytics_lead");
		for (String t : List.of("analytics_segment_rollup", "analytics_stage_rollup", "analytics_upkeep_rollup",
				"analytics_cohort_rollup", "analytics_conversion_rollup", "analytics_market_size")) {
			jdbc.execute("vacuum analyze " + t);
		}
		Map<String, Long> sizes = new LinkedHashMap<>();
		for (String t : List.of("analytics_lead", "analytics_segment_rollup", "analytics_upkeep_rollup",
				"analytics_cohort_rollup", "analytics_conversion_rollup")) {
			sizes.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class));
		}
		System.out.println("Read model rows: " + sizes);
		then(sizes.get("analytics_lead")).isEqualTo(LEADS);
		BenchmarkReport.figure("AnalyticsBenchmark", "generate " + LEADS + " lead facts (SQL)", loadSeconds, "s");
		BenchmarkReport.figure("AnalyticsBenchmark", "recompute every rollup from " + LEADS + " facts (rebuild step)",
				rollupSeconds, "s");

		// a read-scope API key (SHA-256 checked) rather than HTTP Basic, whose password hash costs ~100 ms per call
		String key = keys.create("bench-read", java.util.Set.of("read"), "bench").secret();
		RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeader("X-API-Key", key).build();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String year = "from=" + today.minusDays(364) + "&to=" + today;
		String all = "from=" + today.minusYears(4) + "&to=" + today;
		Map<String, String> reports = new LinkedHashMap<>();
		reports.put("visibility map (864 segments)", "/api/analytics/visibility");
		reports.put("funnel, last 30 days", "/api/analytics/funnel");
		reports.put("funnel, 3 years, all leads", "/api/analytics/funnel?" + all);
		reports.put("funnel, 1 year, one series + channel", "/api/analytics/funnel?" + year + "&seriesId="
				+ seriesIds.get(7) + "&channel=" + channels[7].name());
		reports.put("funnel, 3 years, one industry (facts)", "/api/analytics/funnel?" + all + "&industry=industry-3");
		reports.put("funnel, 1 year, industry + region (facts)", "/api/analytics/funnel?" + year
				+ "&industry=industry-3&region=region-5");
		reports.put("funnel, 3 years, one owner (facts)", "/api/analytics/funnel?" + all + "&owner=owner-12");
		reports.put("leaks, 1 year", "/api/analytics/funnel/leaks?" + year);
		reports.put("attribution first touch, 1 year", "/api/analytics/attribution?" + year + "&model=FIRST_TOUCH");
		reports.put("attribution last touch, 3 years", "/api/analytics/attribution?" + all + "&model=LAST_TOUCH");
		reports.put("new vs long-nurtured conversion, 1 year", "/api/analytics/conversion?" + year);
		reports.put("upkeep (864 segments)", "/api/analytics/upkeep");
		reports.put("collection standard per stage", "/api/analytics/collection");
		reports.put("band trend, 30 days", "/api/analytics/bands/trend?days=30");
		reports.put("funnel CSV, 3 years", "/api/analytics/funnel?format=csv&" + all);
		reports.forEach((name, path) -> {
			double[] millis = new double[RUNS];
			for (int i = 0; i < 5; i++) {
				call(http, path);
			}
			for (int i = 0; i < RUNS; i++) {
				long t0 = System.nanoTime();
				call(http, path);
				millis[i] = (System.nanoTime() - t0) / 1e6;
			}
			Arrays.sort(millis);
			double p95 = millis[(int) Math.ceil(RUNS * 0.95) - 1];
			BenchmarkReport.figure("AnalyticsBenchmark", "p95 " + name + " (" + path + ")", p95, "ms");
		});
	}

	private static void call(RestClient http, String path) {
		var response = http.get().uri(path).retrieve().toEntity(String.class);
		then(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
	}

	/** Facts of LEADS leads created over three years up to now, with series, stages and flags spread as in life. */
	private void load(List<Long> seriesIds) {
		String ids = "array[" + String.join(",", seriesIds.stream().map(String::valueOf).toList()) + "]::bigint[]";
		String chans = "array['" + String.join("','", Arrays.stream(Channel.values()).map(Enum::name).toList()) + "']";
		jdbc.execute("""
				insert into analytics_lead (lead_id, industry, region, size_band, owner, created_at, created_day,
				    last_touch_day, last_touch_month, present_mask, email_bounced, phone_dead, stage, band,
				    first_series_id, first_channel, last_series_id, last_channel, mql_at, sql_at, opp_at, won_at,
				    nurtured_at, lost_at, last_sales_touch_at, won_revenue, secs_lead, secs_mql, secs_sql, secs_opp,
				    in_lead, in_mql, in_sql, in_opp, open_stage, open_since)
				select g, 'industry-' || (g % 15), 'region-' || ((g / 15) % 8), 'size-' || ((g / 120) % 5),
				    case when r < 25 then 'owner-' || (g % 60) end,
				    c, (c at time zone 'Asia/Shanghai')::date, (t at time zone 'Asia/Shanghai')::date, extract(year from t at time zone 'Asia/Shanghai')::int * 100
				        + extract(month from t at time zone 'Asia/Shanghai')::int,
				    ((g * 2654435761) % 256)::int * 16 | ((g * 40503) % 16)::int, g % 50 = 0, g % 70 = 0,
				    case when r < 55 then 'NURTURING' when r < 70 then 'MQL' when r < 75 then 'SAL' when r < 80 then 'SQL'
				         when r < 84 then 'OPPORTUNITY' when r < 87 then 'WON' when r < 92 then 'LOST'
				         when r < 96 then 'DISQUALIFIED' else 'RECYCLED' end,
				    (array['COOL','WARM','HOT'])[1 + g % 3],
				    ({IDS})[1 + s1], ({CHANS})[1 + (s1 + g % 3 * 3) % 12], ({IDS})[1 + s2], ({CHANS})[1 + (s2 + g % 3 * 3) % 12],
				    case when r >= 55 and r < 96 then c + interval '5 days' end,
				    case when r >= 75 and r < 92 then c + interval '9 days' end,
				    case when r >= 80 and r < 92 then c + interval '20 days' end,
				    case when r >= 84 and r < 87 then c + interval '50 days' end,
				    case when r < 55 or r >= 92 then c + interval '1 day' end,
				    case when r >= 87 and r < 92 then c + interval '60 days' end,
				    case when r >= 60 and g % 4 <> 0 then c + interval '7 days' end,
				    case when r >= 84 and r < 87 then 10000 + g % 90000 end,
				    case when r < 55 then 86400 else 432000 end, case when r >= 55 then 345600 else 0 end,
				    case when r >= 75 then 950400 else 0 end, case when r >= 80 then 2592000 else 0 end,
				    true, r >= 55, r >= 75, r >= 80,
				    case when r < 55 then 'LEAD' when r < 75 then 'MQL' when r < 80 then 'SQL' when r < 84 then 'OPPORTUNITY' end,
				    case when r < 84 then c + interval '9 days' end
				from (select g, (g * 7919) % 100 as r,
				             now() - interval '1095 days' + (g::double precision / {N}) * interval '1095 days' as c,
				             least(now(), now() - interval '1095 days' + (g::double precision / {N}) * interval '1095 days'
				                   + ((g * 31) % 500) * interval '1 day') as t,
				             ((g / 900) + g % 3) % 40 as s1, ((g / 900) + g % 5) % 40 as s2
				      from generate_series(1::bigint, {N}) g) x
				""".replace("{IDS}", ids).replace("{CHANS}", chans).replace("{N}", String.valueOf(LEADS)));
		jdbc.execute("""
				insert into analytics_market_size (industry, region, size_band, market_size)
				select i, r, s, 5000 from unnest(array['*'] || array(select 'industry-' || n from generate_series(0, 14) n)) i,
				    unnest(array['*'] || array(select 'region-' || n from generate_series(0, 7) n)) r,
				    unnest(array['*'] || array(select 'size-' || n from generate_series(0, 4) n)) s""");
	}
}
