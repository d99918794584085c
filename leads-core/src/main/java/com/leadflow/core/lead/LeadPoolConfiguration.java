package com.leadflow.core.lead;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the lead pool's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeadPoolProperties.class)
class LeadPoolConfiguration {
}
