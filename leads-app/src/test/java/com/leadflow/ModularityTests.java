package com.leadflow;

import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of the design hold, and the module diagrams in docs/ are regenerated from the code. */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(LeadflowApplication.class,
			com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("com.leadflow.testsupport.."));

	@Test
	void modulesRespectTheirAllowedDependencies() {
		modules.verify();
	}

	@Test
	void coreDependsOnNoOtherLeadflowModule() {
		ApplicationModule core = modules.getModuleByName("core").orElseThrow();

		then(core.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getIdentifier().toString()))
			.isEmpty();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}
}
