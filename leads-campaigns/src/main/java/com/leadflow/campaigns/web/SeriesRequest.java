package com.leadflow.campaigns.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.leadflow.campaigns.CampaignSeries.Brief;
import com.leadflow.campaigns.CampaignSeries.ChannelCost;
import com.leadflow.campaigns.Channel;
import com.leadflow.campaigns.FourCRole;
import com.leadflow.campaigns.JourneyStage;
import com.leadflow.campaigns.SeriesStatus;
import com.leadflow.campaigns.series.SeriesCatalog.SeriesDraft;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A campaign series as a client creates or replaces it. */
record SeriesRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String goal, @Valid BriefRequest brief,
		@NotNull JourneyStage journeyStage, @NotNull FourCRole fourCRole, LocalDate startsOn, LocalDate endsOn,
		@Size(max = 200) String owner, SeriesStatus status,
		@DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 12, fraction = 2) BigDecimal budget,
		@Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like CNY") String currency,
		@Size(max = 12) List<@Valid @NotNull ChannelRequest> channels, Integer version) {

	record BriefRequest(@Size(max = 2000) String persona, @Size(max = 2000) String valueProposition,
			@Size(max = 500) String cta, @Size(max = 500) String offer) {
	}

	record ChannelRequest(@NotNull Channel channel,
			@DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 12, fraction = 2) BigDecimal cost) {
	}

	@AssertTrue(message = "must not be before startsOn")
	boolean isEndsOn() {
		return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
	}

	@AssertTrue(message = "must not list a channel twice")
	boolean isChannels() {
		return channels == null || channels.stream().filter(c -> c != null && c.channel() != null)
			.map(ChannelRequest::channel).distinct().count() == channels.stream()
			.filter(c -> c != null && c.channel() != null).count();
	}

	SeriesDraft toDraft() {
		return new SeriesDraft(name, goal,
				brief == null ? null : new Brief(brief.persona(), brief.valueProposition(), brief.cta(), brief.offer()),
				journeyStage, fourCRole, startsOn, endsOn, owner, status, budget, currency,
				channels == null ? List.of()
						: channels.stream().map(c -> new ChannelCost(c.channel(), c.cost() == null ? BigDecimal.ZERO : c.cost()))
							.toList());
	}
}
