package io.gongzhi.population;

import io.gongzhi.population.internal.PopulationStatistics;

import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.gongzhi.support.ModuleDatabase;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The population with only the modules it uses: a place's figures are named, and answered only inside one's jurisdiction. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {ModuleDatabase.URL + "population" + ModuleDatabase.OPTIONS, ModuleDatabase.USER, ModuleDatabase.PASSWORD,
        ModuleDatabase.NO_OWNER})
class PopulationModuleTests {

    @Autowired
    PopulationStatistics statistics;

    @Test
    void aCommunitysFiguresAreNamedAndKeptFromThoseOutsideIt() {
        var figures = statistics.of("510107005", Jurisdiction.EVERYWHERE);
        assertThat(figures.name()).isEqualTo("玉林街道");
        assertThat(figures.children()).extracting(PopulationStatistics.Part::code).contains("510107005001");
        assertThatThrownBy(() -> statistics.of("510107005", Jurisdiction.NONE)).isInstanceOf(NotFound.class);
    }
}
