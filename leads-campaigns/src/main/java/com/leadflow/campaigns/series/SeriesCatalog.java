package com.leadflow.campaigns.series;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.campaigns.CampaignCatalog;
import com.leadflow.campaigns.CampaignSeries;
import com.leadflow.campaigns.CampaignSeries.Brief;
import com.leadflow.campaigns.CampaignSeries.ChannelCost;
import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.FourCRole;
import com.leadflow.campaigns.JourneyStage;
import com.leadflow.campaigns.SeriesStatus;
import com.leadflow.campaigns.support.Problems;

/** The stored campaign series and their channels; keeps the default series in existence. */
@Service
public class SeriesCatalog implements CampaignCatalog {

	/** What a caller may set on a series (everything but id, version and timestamps). */
	public record SeriesDraft(String name, String goal, Brief brief, JourneyStage journeyStage, FourCRole fourCRole,
			LocalDate startsOn, LocalDate endsOn, String owner, SeriesStatus status, BigDecimal budget, String currency,
			List<ChannelCost> channels) {
	}

	private static final String COLUMNS = "id, name, goal, persona, value_proposition, cta, offer, journey_stage, "
			+ "four_c_role, starts_on, ends_on, owner, status, budget, currency, version, created_at, updated_at";

	private final JdbcClient jdbc;

	SeriesCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public long defaultSeriesId() {
		Optional<Long> id = jdbc.sql("select id from campaign_series where lower(name) = lower(?)")
			.param(CampaignSeries.DEFAULT_NAME).query(Long.class).optional();
		if (id.isPresent()) {
			return id.get();
		}
		jdbc.sql("""
				insert into campaign_series (name, goal, status, owner)
				values (?, 'Inbound calls to the 400 hotline and arrivals without a campaign', 'ACTIVE', 'system')
				on conflict (lower(name)) do nothing""").param(CampaignSeries.DEFAULT_NAME).update();
		long created = jdbc.sql("select id from campaign_series where lower(name) = lower(?)")
			.param(CampaignSeries.DEFAULT_NAME).query(Long.class).single();
		jdbc.sql("insert into campaign_channel (series_id, channel, cost) values (?, 'HOTLINE_400', 0) on conflict do nothing")
			.param(created).update();
		return created;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CampaignSeries> find(long seriesId) {
		return jdbc.sql("select " + COLUMNS + " from campaign_series where id = ?").param(seriesId)
			.query(this::series).optional().map(s -> withChannels(List.of(s)).get(0));
	}

	public CampaignSeries get(long seriesId) {
		return find(seriesId).orElseThrow(() -> Problems.notFound("campaign series", seriesId));
	}

	@Override
	@Transactional
	public List<CampaignSeries> all() {
		defaultSeriesId();
		return withChannels(jdbc.sql("select " + COLUMNS + " from campaign_series order by id").query(this::series).list());
	}

	@Transactional
	public CampaignSeries create(SeriesDraft draft) {
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into campaign_series (name, goal, persona, value_proposition, cta, offer, journey_stage,
					    four_c_role, starts_on, ends_on, owner, status, budget, currency)
					values (:name, :goal, :persona, :vp, :cta, :offer, :stage, :role, :starts, :ends, :owner, :status,
					    :budget, :currency)""").params(params(draft)).update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			throw nameTaken(draft.name());
		}
		long id = keys.getKey().longValue();
		saveChannels(id, draft.channels());
		return get(id);
	}

	@Transactional
	public CampaignSeries update(long id, SeriesDraft draft, Integer expectedVersion) {
		CampaignSeries current = get(id);
		if (current.isDefault() && !current.name().equals(draft.name())) {
			throw Problems.invalid("name", "the default series " + CampaignSeries.DEFAULT_NAME + " cannot be renamed");
		}
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw Problems.conflict("stale-version", "The series changed meanwhile (version " + current.version()
					+ ", you sent " + expectedVersion + "); reload and try again.");
		}
		Map<String, Object> params = params(draft);
		params.put("id", id);
		try {
			jdbc.sql("""
					update campaign_series set name = :name, goal = :goal, persona = :persona, value_proposition = :vp,
					    cta = :cta, offer = :offer, journey_stage = :stage, four_c_role = :role, starts_on = :starts,
					    ends_on = :ends, owner = :owner, status = :status, budget = :budget, currency = :currency,
					    version = version + 1, updated_at = now()
					where id = :id""").params(params).update();
		}
		catch (DuplicateKeyException e) {
			throw nameTaken(draft.name());
		}
		jdbc.sql("delete from campaign_channel where series_id = ?").param(id).update();
		saveChannels(id, draft.channels());
		return get(id);
	}

	@Transactional
	public void delete(long id) {
		CampaignSeries current = get(id);
		if (current.isDefault()) {
			throw Problems.conflict("default-series", "The default series " + CampaignSeries.DEFAULT_NAME
					+ " always exists and cannot be deleted.");
		}
		jdbc.sql("delete from campaign_series where id = ?").param(id).update();
	}

	/** The cost of one channel of a series (zero when the series does not list it). */
	public BigDecimal channelCost(long seriesId, Channel channel) {
		return jdbc.sql("select cost from campaign_channel where series_id = ? and channel = ?")
			.params(seriesId, channel.name()).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
	}

	private static org.springframework.web.ErrorResponseException nameTaken(String name) {
		return Problems.conflict("series-name-taken", "A campaign series named '" + name + "' already exists.");
	}

	private void saveChannels(long seriesId, List<ChannelCost> channels) {
		for (ChannelCost c : channels) {
			jdbc.sql("insert into campaign_channel (series_id, channel, cost) values (?, ?, ?)")
				.params(seriesId, c.channel().name(), c.cost() == null ? BigDecimal.ZERO : c.cost()).update();
		}
	}

	private static Map<String, Object> params(SeriesDraft d) {
		Map<String, Object> p = new LinkedHashMap<>();
		Brief brief = d.brief() == null ? new Brief(null, null, null, null) : d.brief();
		p.put("name", d.name().strip());
		p.put("goal", d.goal());
		p.put("persona", brief.persona());
		p.put("vp", brief.valueProposition());
		p.put("cta", brief.cta());
		p.put("offer", brief.offer());
		p.put("stage", d.journeyStage() == null ? null : d.journeyStage().name());
		p.put("role", d.fourCRole() == null ? null : d.fourCRole().name());
		p.put("starts", d.startsOn());
		p.put("ends", d.endsOn());
		p.put("owner", d.owner());
		p.put("status", (d.status() == null ? SeriesStatus.PLANNED : d.status()).name());
		p.put("budget", d.budget());
		p.put("currency", d.currency() == null ? "CNY" : d.currency());
		return p;
	}

	private List<CampaignSeries> withChannels(List<CampaignSeries> series) {
		if (series.isEmpty()) {
			return series;
		}
		Map<Long, List<ChannelCost>> byId = new LinkedHashMap<>();
		jdbc.sql("select series_id, channel, cost from campaign_channel where series_id = any(?) order by channel")
			.param(series.stream().map(CampaignSeries::id).toArray(Long[]::new))
			.query((rs, i) -> byId.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new ChannelCost(Channel.valueOf(rs.getString(2)), rs.getBigDecimal(3))))
			.list();
		return series.stream().map(s -> new CampaignSeries(s.id(), s.name(), s.goal(), s.brief(), s.journeyStage(),
				s.fourCRole(), s.startsOn(), s.endsOn(), s.owner(), s.status(), s.budget(), s.currency(),
				byId.getOrDefault(s.id(), List.of()), s.version(), s.createdAt(), s.updatedAt())).toList();
	}

	private CampaignSeries series(ResultSet rs, int row) throws SQLException {
		String stage = rs.getString("journey_stage");
		String role = rs.getString("four_c_role");
		return new CampaignSeries(rs.getLong("id"), rs.getString("name"), rs.getString("goal"),
				new Brief(rs.getString("persona"), rs.getString("value_proposition"), rs.getString("cta"),
						rs.getString("offer")),
				stage == null ? null : JourneyStage.valueOf(stage), role == null ? null : FourCRole.valueOf(role),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getString("owner"), SeriesStatus.valueOf(rs.getString("status")), rs.getBigDecimal("budget"),
				rs.getString("currency"), List.of(), rs.getInt("version"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}
}
