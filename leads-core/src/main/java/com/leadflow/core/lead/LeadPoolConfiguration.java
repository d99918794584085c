package com.leadflow.core.lead;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import com.leadflow.core.privacy.CryptoProperties;

/** Registers the lead pool's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ LeadPoolProperties.class, CryptoProperties.class })
class LeadPoolConfiguration {
}
