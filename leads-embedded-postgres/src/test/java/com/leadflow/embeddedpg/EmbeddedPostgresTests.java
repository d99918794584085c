package com.leadflow.embeddedpg;

import static org.assertj.core.api.BDDAssertions.then;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTests {

	@TempDir
	Path tmp;

	@Test
	void keepsCommittedRowsAcrossARestart() throws Exception {
		// given a server on a fresh data folder with one row written
		Path data = tmp.resolve("pgdata");
		try (EmbeddedPostgres pg = EmbeddedPostgres.start(EmbeddedPostgres.Options.of(data))) {
			pg.createDatabaseIfMissing("keep");
			try (Connection c = pg.connect("keep"); Statement s = c.createStatement()) {
				s.execute("create table note (body text)");
				s.execute("insert into note values ('written before the restart')");
			}
		}
		then(Files.exists(data.resolve("postmaster.pid"))).as("server stopped").isFalse();

		// when it starts again on the same folder (on another port)
		try (EmbeddedPostgres pg = EmbeddedPostgres.start(EmbeddedPostgres.Options.of(data))) {
			pg.createDatabaseIfMissing("keep");
			try (Connection c = pg.connect("keep"); Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("select body, version() from note")) {
				// then the row is still there, on a real PostgreSQL
				then(rs.next()).isTrue();
				then(rs.getString(1)).isEqualTo("written before the restart");
				then(rs.getString(2)).startsWith("PostgreSQL 18");
			}
		}
	}

	@Test
	void refusesAFolderThatIsNeitherEmptyNorADataFolder() throws Exception {
		Path data = Files.createDirectories(tmp.resolve("busy"));
		Files.writeString(data.resolve("something.txt"), "not postgres");

		Throwable error = org.assertj.core.api.Assertions.catchThrowable(
				() -> EmbeddedPostgres.start(EmbeddedPostgres.Options.of(data)));

		then(error).hasRootCauseMessage("The data folder " + data + " is neither empty nor a PostgreSQL data folder");
	}

	@Test
	void runsServerCommandsUnderAnUnprivilegedUidWhenRoot() throws Exception {
		try (EmbeddedPostgres pg = EmbeddedPostgres.start(EmbeddedPostgres.Options.of(tmp.resolve("owner")))) {
			int owner = (Integer) Files.getAttribute(pg.dataDir(), "unix:uid");
			if (RunAs.jvmIsRoot()) {
				then(owner).as("data folder owner").isNotZero();
			}
			else {
				then(owner).isEqualTo((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
			}
		}
	}
}
