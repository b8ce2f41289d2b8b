package io.gongzhi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The modules keep their boundaries: a module's root is its API, its sub-packages its inside,
 * and no dependency runs in a circle. The module diagrams in docs/modules are written here, by the
 * build, in a stable order (so a build changes them only when the modules change).
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(GongzhiApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theModulesWeBuiltAreTheModulesSpringSees() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .containsExactlyInAnyOrder("audit", "casework", "emergency", "geography", "identity", "platform", "population", "screening", "shared");
    }

    /** The same check on a two-module fixture: module b using module a's internal type fails, through a's API it passes. */
    @Test
    void aModuleUsingAnotherModulesInsideIsRefused() {
        // the fixtures are test classes, which the application's own check leaves out
        com.tngtech.archunit.core.importer.ImportOption withTests = location -> true;
        var broken = ApplicationModules.of(fixture.modularity.broken.Fixture.class, withTests);
        assertThatThrownBy(broken::verify).isInstanceOf(Violations.class)
                .hasMessageContaining("fixture.modularity.broken.b.Report")
                .hasMessageContaining("fixture.modularity.broken.a.internal.Ledger");
        ApplicationModules.of(fixture.modularity.clean.Fixture.class, withTests).verify();
    }

    @Test
    void writesTheModuleDocumentationIntoDocs() throws Exception {
        Path out = Path.of(System.getProperty("gongzhi.project.dir", "."), "docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                sortRelations(file);
            }
        }
        assertThat(out.resolve("components.puml")).exists();
        assertThat(Files.readString(out.resolve("components.puml"))).contains("\"Identity\"").contains("\"Platform\"")
                .contains("\"Casework\"").contains("\"Population\"");
    }

    /** The diagram's relations come in no fixed order; sorted, the file is the same for the same modules. */
    static void sortRelations(Path file) throws IOException {
        var lines = Files.readAllLines(file);
        var sorted = new ArrayList<String>(lines.size());
        var block = new ArrayList<String>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                block.add(line);
                continue;
            }
            flush(block, sorted);
            sorted.add(line);
        }
        flush(block, sorted);
        Files.write(file, sorted);
    }

    private static void flush(List<String> block, List<String> into) {
        block.sort(null);
        into.addAll(block);
        block.clear();
    }
}
