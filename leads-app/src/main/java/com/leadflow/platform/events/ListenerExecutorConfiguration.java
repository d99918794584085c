package com.leadflow.platform.events;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor of the asynchronous event listeners (scoring, routing, nurture, analytics): a fixed number of threads
 * with an unbounded queue. Each listener holds a database connection while it runs, so an unbounded fan-out (a
 * virtual thread per event) would starve the connection pool, and the requests with it, under a burst of arrivals; a
 * blocking limit would deadlock listeners that publish events themselves. Queued events are also stored in
 * {@code event_publication}, so a stop with a backlog loses nothing and need not wait for it: they are published
 * again at the next start.
 * Requests' asynchronous parts have an executor of their own ({@code platform.web.AsyncRequestsConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling // FailedListenerRetry
class ListenerExecutorConfiguration {

	@Bean(name = { "applicationTaskExecutor", "taskExecutor" })
	ThreadPoolTaskExecutor applicationTaskExecutor(@Value("${leadflow.events.listener-threads}") int threads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setThreadNamePrefix("listener-");
		// at a stop, queued events are dropped and running listeners interrupted (their transactions roll back): all of
		// them are still in event_publication and are published again at the next start
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}
}
