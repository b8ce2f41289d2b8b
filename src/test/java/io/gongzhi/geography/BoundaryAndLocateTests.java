package io.gongzhi.geography;

import io.gongzhi.geography.internal.BoundaryStore;
import io.gongzhi.geography.internal.LocateIndex;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Progress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Chengdu's real district boundaries: matching despite renamed codes, and locate on H2 and PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
class BoundaryAndLocateTests {

    @Autowired
    BoundaryImports imports;

    @Autowired
    Locator locator;

    @Autowired
    BoundaryStore boundaries;

    @Autowired
    Hierarchy hierarchy;

    @Autowired
    MockMvc mvc;

    static byte[] chengduDistricts() throws Exception {
        return new ClassPathResource("geography/chengdu-districts.geojson").getContentAsByteArray();
    }

    @Test
    void everyDistrictIsMatchedTheThreeRenamedOnesByName() throws Exception {
        var report = imports.importGeoJson(chengduDistricts(), Level.DISTRICT, "test", Progress.NONE);
        assertThat(report.matchedByCode()).isEqualTo(17);
        assertThat(report.matchedByName()).containsExactlyInAnyOrder(
                "510124 郫都区 → 510117 郫都区", "510132 新津县 → 510118 新津区", "510180 简阳市 → 510185 简阳市");
        assertThat(report.unmatched()).isEmpty();
        assertThat(report.withoutBoundary()).isEmpty();
        assertThat(report.repaired()).isPositive();
    }

    @Test
    void areasAndCentresArePlausible() {
        // 锦江区 is 62 km² by the district's own figures; the web-map boundary is coarse.
        assertThat(hierarchy.unit("510104").areaM2()).isBetween(50e6, 75e6);
        // 简阳市 is about 2,200 km²
        assertThat(hierarchy.unit("510185").areaM2()).isBetween(1.9e9, 2.5e9);
        assertThat(hierarchy.unit("510107").centroidLon()).isBetween(103.9, 104.2);
    }

    @Test
    void aFeatureThatMatchesNothingIsReportedNotSkipped() {
        String file = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":"519999","properties":{"name":"不存在区"},
                  "geometry":{"type":"Polygon","coordinates":[[[104,30],[104.1,30],[104.1,30.1],[104,30]]]}}]}""";
        var report = imports.importGeoJson(file.getBytes(StandardCharsets.UTF_8), Level.DISTRICT, "test", Progress.NONE);
        assertThat(report.unmatched()).containsExactly("519999 不存在区: no such unit");
    }

    @Test
    void aFileThatIsNotGeoJsonIsBadInput() {
        assertThatThrownBy(() -> imports.importGeoJson("{\"type\":\"Feature\"}".getBytes(StandardCharsets.UTF_8),
                Level.DISTRICT, "test", Progress.NONE))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).violations().get(0).code()).isEqualTo("geography.geojson.not-a-collection");
    }

    @Test
    void locateAgreesWithABruteForceScanOnAHundredThousandRandomPoints() {
        List<BoundaryStore.Stored> all = boundaries.all();
        var index = new LocateIndex(all);
        var random = new Random(20261123);
        int inside = 0;
        for (int i = 0; i < 100_000; i++) {
            double lon = 102.9 + random.nextDouble() * 2.0;   // Chengdu's box with a margin: 102.9–104.9 E
            double lat = 30.0 + random.nextDouble() * 1.5;    // 30.0–31.5 N
            List<String> scan = LocateIndex.scan(all, lon, lat);
            var found = index.locate(lon, lat).map(l -> l.finest().code());
            if (scan.isEmpty()) {
                assertThat(found).as("%f,%f is outside", lon, lat).isEmpty();
            } else {
                inside++;
                assertThat(scan).as("%f,%f", lon, lat).contains(found.orElseThrow());
            }
        }
        assertThat(inside).as("the sample covers the city").isGreaterThan(30_000);
    }

    @Test
    @WithUserDetails("grid")
    void theApiAnswersTheChainAndExplainsBadInput() throws Exception {
        mvc.perform(get("/api/geo/locate").param("lon", "104.0478").param("lat", "30.6462"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.district.code").value("510107"))
                .andExpect(jsonPath("$.district.name").value("武侯区"));
        mvc.perform(get("/api/geo/locate").param("lon", "0").param("lat", "0").header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("geography.outside"));
        mvc.perform(get("/api/geo/locate").param("lon", "abc").param("lat", "30").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].where").value("lon"))
                .andExpect(jsonPath("$.errors[0].message").value("\"abc\" is not a number."));
        mvc.perform(get("/api/geo/locate").param("lon", "104").param("lat", "95"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("geography.locate.lat-range"));
        mvc.perform(get("/api/geo/locate").param("lat", "30"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].where").value("lon"));
    }

    @Test
    void theServiceOtherModulesCallGivesTheSameAnswer() {
        assertThat(locator.locate(103.62, 30.99)).hasValueSatisfying(l -> assertThat(l.district().name()).isEqualTo("都江堰市"));
        assertThat(locator.locate(0, 0)).isEmpty();
    }
}
