package com.leadflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Leadflow: the one runnable application that assembles every module. */
@Modulithic(systemName = "Leadflow", sharedModules = "platform")
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeadflowApplication {

	public static void main(String[] args) {
		SpringApplication.run(LeadflowApplication.class, args);
	}
}
