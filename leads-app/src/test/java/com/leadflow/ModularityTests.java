package com.leadflow;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

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

	/**
	 * Writes the diagrams and canvases into target/, then copies to docs/modules each file whose lines changed. Spring
	 * Modulith 2.1 lists relationships in a different order from run to run: a file that differs only in its order is
	 * left alone, so a test run does not touch the work tree unless the modules changed.
	 */
	@Test
	void writesModuleDocumentation() throws IOException {
		Path generated = Path.of("target/module-docs");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		Path docs = Path.of("../docs/modules");
		try (Stream<Path> files = Files.list(generated)) {
			for (Path file : files.toList()) {
				Path target = docs.resolve(file.getFileName());
				if (!Files.exists(target) || !sortedLines(target).equals(sortedLines(file))) {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	static List<String> sortedLines(Path file) throws IOException {
		// a canvas table cell starts its first list item with '|': which item comes first is part of the order
		return Files.readAllLines(file).stream().map(line -> line.strip().replaceFirst("^\\|\\* ", "* ")).sorted()
			.toList();
	}
}
