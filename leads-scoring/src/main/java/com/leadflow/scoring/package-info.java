/**
 * Scoring: BANT fit and behaviour scores, Cool/Warm/Hot bands with explanations, versioned models, simulation.
 */
@ApplicationModule(displayName = "Scoring", allowedDependencies = { "core" })
package com.leadflow.scoring;

import org.springframework.modulith.ApplicationModule;
