/**
 * Lifecycle and routing, SDR qualification, SLA timers, the outbox and the CRM / call-center connectors.
 */
@ApplicationModule(displayName = "CRM sync", allowedDependencies = { "core", "scoring" })
package com.leadflow.crmsync;

import org.springframework.modulith.ApplicationModule;
