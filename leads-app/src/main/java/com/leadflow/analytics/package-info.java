/**
 * Analytics: market visibility per segment against the market size, completeness and collection standards, data
 * upkeep, the lead → MQL → SQL → opportunity → won funnel, attribution and cost per series and channel, new vs
 * long-nurtured conversion, daily snapshots. Keeps its own read model (a fact row per lead plus rollups, tables
 * {@code analytics_*}) fed by the other modules' events and public APIs; never reads their tables.
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = { "core", "scoring", "campaigns", "crmsync" })
package com.leadflow.analytics;

import org.springframework.modulith.ApplicationModule;
