package com.leadflow.campaigns;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the campaigns module with the lead pool it depends on (and their migrations) for its tests. */
@SpringBootApplication(scanBasePackages = { "com.leadflow.core", "com.leadflow.campaigns" })
public class CampaignsTestApplication {
}
