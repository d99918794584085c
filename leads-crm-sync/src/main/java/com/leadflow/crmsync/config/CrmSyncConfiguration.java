package com.leadflow.crmsync.config;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires crm-sync: its settings, its timers and the time source (a {@link Clock} bean if one exists, else UTC). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrmSyncProperties.class)
@EnableScheduling
public class CrmSyncConfiguration {

	/** The clock of crm-sync: tests replace the application's {@link Clock} bean to move time. */
	@Bean
	CrmSyncClock crmSyncClock(ObjectProvider<Clock> clock) {
		return new CrmSyncClock(clock.getIfAvailable(Clock::systemUTC));
	}
}
