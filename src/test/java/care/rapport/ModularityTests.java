package care.rapport;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module structure is part of the design: modules only use each other's public API. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(RapportApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		modules.verify();
	}

	@Test
	void everyCapabilityIsAModule() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString())).contains("identity", "practice", "audit",
				"web", "clients", "mail", "database", "demo");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
