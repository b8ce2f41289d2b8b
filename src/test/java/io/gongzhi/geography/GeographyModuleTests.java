package io.gongzhi.geography;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.gongzhi.support.ModuleDatabase;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid with the modules it uses: a community is found under its sub-district, district and city, by name. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {ModuleDatabase.URL + "geography" + ModuleDatabase.OPTIONS, ModuleDatabase.USER, ModuleDatabase.PASSWORD,
        ModuleDatabase.NO_OWNER})
class GeographyModuleTests {

    @Autowired
    Hierarchy hierarchy;

    @Test
    void aCommunitySitsUnderItsSubDistrictDistrictAndCity() {
        assertThat(hierarchy.chain("510107005001")).extracting(Unit::code)
                .containsExactly("5101", "510107", "510107005", "510107005001");
        assertThat(hierarchy.unit("510107005001").path()).isEqualTo("/5101/510107/510107005/510107005001");
        assertThat(hierarchy.search("玉林北路", 10)).extracting(Unit::code).contains("510107005001");
    }
}
