package com.leadflow.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Requests' asynchronous parts (streamed CSV downloads) run on virtual threads of their own, not on the event
 * listeners' bounded pool (the application's task executor): a download never waits behind a backlog of events.
 */
@Configuration(proxyBeanMethods = false)
class AsyncRequestsConfiguration implements WebMvcConfigurer {

	@Override
	public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("request-async-");
		executor.setVirtualThreads(true);
		configurer.setTaskExecutor(executor);
	}
}
