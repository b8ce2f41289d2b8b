package io.gongzhi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(GongzhiApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theModulesWeBuiltAreTheModulesSpringSees() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("identity", "platform", "shared");
    }

    @Test
    void writesTheModuleDocumentationIntoDocs() throws Exception {
        Path out = Path.of(System.getProperty("gongzhi.project.dir", "."), "docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(out.resolve("components.puml")).exists();
        assertThat(Files.readString(out.resolve("components.puml"))).contains("\"Identity\"").contains("\"Platform\"");
    }
}
