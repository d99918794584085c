package com.leadflow.scoring.engine;

import java.util.List;

import com.leadflow.scoring.GroupScore;

/** The engine's result for one lead: a score per group of the model, and which model version produced it. */
public record ModelScore(long modelId, String scope, int version, List<GroupScore> groups) {
}
