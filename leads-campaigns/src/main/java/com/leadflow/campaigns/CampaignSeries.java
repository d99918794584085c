package com.leadflow.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A campaign series: one brief pursued through several channels, each with its cost.
 *
 * @param version increases with every change (optimistic locking on update)
 */
public record CampaignSeries(long id, String name, String goal, Brief brief, JourneyStage journeyStage,
		FourCRole fourCRole, LocalDate startsOn, LocalDate endsOn, String owner, SeriesStatus status, BigDecimal budget,
		String currency, List<ChannelCost> channels, int version, Instant createdAt, Instant updatedAt) {

	/** The name of the series that always exists: inbound 400-hotline calls and arrivals without a campaign. */
	public static final String DEFAULT_NAME = "400Inbound";

	public CampaignSeries {
		channels = channels == null ? List.of() : List.copyOf(channels);
	}

	/** Who the series speaks to, what it says, and what it asks them to do for which offer. */
	public record Brief(String persona, String valueProposition, String cta, String offer) {
	}

	/** A channel of the series and what it costs. */
	public record ChannelCost(Channel channel, BigDecimal cost) {
	}

	public boolean isDefault() {
		return DEFAULT_NAME.equalsIgnoreCase(name);
	}

	/** The total cost of the series' channels. */
	public BigDecimal channelCost() {
		return channels.stream().map(ChannelCost::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
