package com.leadflow.testsupport;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring Boot test context at the JVM's test database (before anything else reads the datasource
 * settings), so the app's embedded-server bootstrap sees a configured URL and stays idle. A test that wants the
 * app to choose by itself sets {@code leadflow.test.db.skip=true}.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("leadflow.test.db.skip", Boolean.class, false)) {
			return; // a test that starts the app on a database of its own choosing
		}
		TestDatabase.Coordinates db = TestDatabase.get();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("leadflowTestDatabase", Map.of("spring.datasource.url", db.url(),
					"spring.datasource.username", db.username(), "spring.datasource.password", db.password(),
					// development keys for personal data, generated once per test JVM
					"leadflow.crypto.key-file", TestDatabase.keyFile().toString())));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
