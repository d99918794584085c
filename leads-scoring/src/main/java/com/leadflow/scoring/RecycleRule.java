package com.leadflow.scoring;

/**
 * How recycling treats a lead's behaviour so far: {@code keepFraction} of the behaviour points earned before the
 * recycle stays (0 = reset, 0.5 = halve); later touches count in full again.
 */
public record RecycleRule(double keepFraction, String reason) {

	public RecycleRule {
		if (!(keepFraction >= 0 && keepFraction <= 1)) {
			throw new IllegalArgumentException("keepFraction must be between 0 and 1");
		}
		reason = reason == null || reason.isBlank() ? "recycled" : reason.strip();
	}

	/** Forget all behaviour points earned before now. */
	public static RecycleRule reset(String reason) {
		return new RecycleRule(0, reason);
	}

	/** Keep only a fraction of the behaviour points earned before now. */
	public static RecycleRule decay(double keepFraction, String reason) {
		return new RecycleRule(keepFraction, reason);
	}
}
