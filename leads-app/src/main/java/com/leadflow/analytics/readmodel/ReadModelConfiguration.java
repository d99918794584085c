package com.leadflow.analytics.readmodel;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The refresh worker and the daily snapshot run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReadModelConfiguration {
}
