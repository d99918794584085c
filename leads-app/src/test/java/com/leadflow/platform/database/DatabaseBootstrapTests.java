package com.leadflow.platform.database;

import static org.assertj.core.api.BDDAssertions.then;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadflow.LeadflowApplication;
import com.leadflow.embeddedpg.EmbeddedPostgres;
import com.leadflow.testsupport.TestDatabase;

/** Starts the whole app the way a user does, choosing its own database. */
class DatabaseBootstrapTests {

	@TempDir
	Path tmp;

	@Test
	void withNoDatabaseConfiguredStartsEmbeddedPostgresThatKeepsDataAcrossRestarts() {
		String dataDir = tmp.resolve("pgdata").toString();

		try (ConfigurableApplicationContext app = start("--leadflow.db.embedded.data-dir=" + dataDir)) {
			then(app.containsBean("leadflowEmbeddedPostgres")).isTrue();
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			jdbc.execute("create table restart_probe (body text)");
			jdbc.update("insert into restart_probe values ('kept')");
		}

		try (ConfigurableApplicationContext app = start("--leadflow.db.embedded.data-dir=" + dataDir)) {
			then(app.getBean(JdbcTemplate.class).queryForObject("select body from restart_probe", String.class))
				.isEqualTo("kept");
			then(app.getBean(EmbeddedPostgres.class).dataDir()).isEqualTo(Path.of(dataDir).toAbsolutePath());
		}
	}

	@Test
	void withAnExternalUrlUsesItAndStartsNoEmbeddedServer() {
		TestDatabase.Coordinates external = TestDatabase.get();

		try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + external.url(),
				"--spring.datasource.username=" + external.username(),
				"--spring.datasource.password=" + external.password(),
				"--leadflow.db.embedded.data-dir=" + tmp.resolve("unused"))) {
			then(app.containsBean("leadflowEmbeddedPostgres")).isFalse();
			then(tmp.resolve("unused")).doesNotExist();
			then(app.getBean(JdbcTemplate.class).queryForObject("select current_database()", String.class))
				.isEqualTo(external.url().substring(external.url().lastIndexOf('/') + 1));
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "--leadflow.test.db.skip=true";
		all[1] = "--server.port=0";
		all[2] = "--leadflow.crypto.key-file=" + TestDatabase.keyFile();
		System.arraycopy(args, 0, all, 3, args.length);
		return SpringApplication.run(LeadflowApplication.class, all);
	}
}
