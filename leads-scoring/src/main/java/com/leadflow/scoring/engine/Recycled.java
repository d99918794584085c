package com.leadflow.scoring.engine;

import java.time.Instant;

/** A recycle mark of a lead: behaviour points of touches before {@code at} are multiplied by {@code keepFraction}. */
public record Recycled(Instant at, double keepFraction, String reason) {
}
