/**
 * The central, deduplicated lead pool: leads, companies (accounts), identities, the timeline of touches, tags and
 * merges. Depends on no other Leadflow module; the others use its API ({@code LeadPool}) and react to its events.
 */
@ApplicationModule(displayName = "Lead pool", allowedDependencies = {})
package com.leadflow.core;

import org.springframework.modulith.ApplicationModule;
