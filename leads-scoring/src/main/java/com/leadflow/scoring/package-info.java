/**
 * Scoring: BANT fit and behaviour scores, Cool/Warm/Hot bands with explanations, versioned models (one active per
 * scope), simulation of a draft model on history and bulk re-scoring. API: {@code ScoringService}; events:
 * {@code LeadBandChanged} and {@code LeadBandsChanged}; reacts to the lead pool's {@code LeadTouched},
 * {@code LeadsTouched}, {@code LeadProfileChanged}, {@code LeadProfilesChanged} (an account's leads),
 * {@code LeadMerged} and {@code LeadMergeUndone}.
 */
@ApplicationModule(displayName = "Scoring", allowedDependencies = { "core" })
package com.leadflow.scoring;

import org.springframework.modulith.ApplicationModule;
