package com.leadflow.platform.database;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import com.leadflow.embeddedpg.EmbeddedPostgres;

/**
 * With no database configured ({@code LEADS_DB_URL} / {@code spring.datasource.url}), starts the embedded PostgreSQL
 * server on the data folder {@code leadflow.db.embedded.data-dir} and points the datasource at it. The server is
 * stopped when the application context closes (after the connection pool and everything else that uses it).
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DATABASE = "leadflow";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
				|| !env.getProperty("leadflow.db.embedded.enabled", Boolean.class, true)) {
			return;
		}
		EmbeddedPostgres.Options options = EmbeddedPostgres.Options
			.of(Path.of(env.getProperty("leadflow.db.embedded.data-dir", "./.leadflow/pgdata")))
			.withPort(env.getProperty("leadflow.db.embedded.port", Integer.class, 0))
			.withRunAsUser(env.getProperty("leadflow.db.embedded.run-as-user", "nobody"));
		EmbeddedPostgres pg = EmbeddedPostgres.start(options);
		pg.createDatabaseIfMissing(DATABASE);
		env.getPropertySources()
			.addFirst(new MapPropertySource("leadflowEmbeddedDatabase", Map.of("spring.datasource.url",
					pg.jdbcUrl(DATABASE), "spring.datasource.username", pg.username(), "spring.datasource.password",
					pg.password(), "leadflow.db.embedded.active-port", pg.port())));
		application.addListeners((ApplicationListener<ApplicationPreparedEvent>) event -> {
			var beanFactory = (DefaultListableBeanFactory) event.getApplicationContext().getBeanFactory();
			beanFactory.registerSingleton("leadflowEmbeddedPostgres", pg);
			// registered first, so destroyed last: the connection pool closes before the server stops
			beanFactory.registerDisposableBean("leadflowEmbeddedPostgres", pg::close);
		});
		// and if the context never got that far: Boot's shutdown handlers run after every context has closed
		SpringApplication.getShutdownHandlers().add(pg::close);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}
}
