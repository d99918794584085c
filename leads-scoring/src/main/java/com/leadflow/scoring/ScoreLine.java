package com.leadflow.scoring;

/**
 * One line of a score's explanation.
 * @param part {@code FIT}, {@code BEHAVIOUR} or {@code ADJUSTMENT} (recycling)
 * @param key the criterion id, the action type, or the adjustment's name
 * @param count how many touches (behaviour) or 1
 * @param rawPoints points before caps and decay
 * @param cappedPoints points removed by the action's cap (0 when no cap applied)
 * @param points what the line adds to the score, after caps and decay
 * @param explanation the line in words
 */
public record ScoreLine(String part, String key, int count, double rawPoints, double cappedPoints, double points,
		String explanation) {
}
