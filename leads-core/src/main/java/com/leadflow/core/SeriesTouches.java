package com.leadflow.core;

import java.util.List;

/**
 * The touches of a campaign series in the pool: how many, and how many leads they arrived on (the lead each touch
 * arrived on, so a later merge changes nothing), in all and per channel (in name order).
 */
public record SeriesTouches(long leads, long touches, List<ByChannel> channels) {

	public SeriesTouches {
		channels = List.copyOf(channels);
	}

	/** The touches of the series through one channel. */
	public record ByChannel(String channel, long leads, long touches) {
	}
}
