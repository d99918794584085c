/**
 * Campaign series and their channels and costs, the ingestion API and CSV/Excel import jobs.
 */
@ApplicationModule(displayName = "Campaigns", allowedDependencies = { "core" })
package com.leadflow.campaigns;

import org.springframework.modulith.ApplicationModule;
