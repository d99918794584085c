package com.leadflow.scoring;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;


/** The scoring module alone, on the test PostgreSQL, with an in-memory lead pool standing in for core's. */
@SpringBootApplication
class ScoringTestApplication {

	@Bean
	InMemoryLeadPool leadPool() {
		return new InMemoryLeadPool();
	}

}
