package io.gongzhi.geography;

import io.gongzhi.geography.internal.BoundaryStore;
import io.gongzhi.geography.internal.LocateIndex;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Progress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Generation end to end on a small made-up city far from Chengdu (two square districts near
 * 90°E 40°N), so the test is quick and leaves Chengdu alone, on H2 and PostgreSQL.
 */
@SpringBootTest
class GridGenerationTests {

    @Autowired
    DivisionImports divisions;

    @Autowired
    BoundaryImports boundaryImports;

    @Autowired
    GridGeneration generation;

    @Autowired
    Hierarchy hierarchy;

    @Autowired
    Locator locator;

    @Autowired
    BoundaryStore boundaries;

    static final String CITY = "5194";

    void givenACityWithTwoDistricts() {
        var city = new CityFile(CITY, "试城市");
        divisions.importCsv(city.bytes(), Progress.NONE);
        String geojson = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":"%s","properties":{"name":"试区1"},
                  "geometry":{"type":"Polygon","coordinates":[[[90.0,40.0],[90.1,40.0],[90.1,40.1],[90.0,40.1],[90.0,40.0]]]}},
                 {"type":"Feature","id":"%s","properties":{"name":"试区2"},
                  "geometry":{"type":"Polygon","coordinates":[[[90.1,40.0],[90.3,40.0],[90.3,40.1],[90.1,40.1],[90.1,40.0]]]}}]}"""
                .formatted(city.district(1), city.district(2));
        boundaryImports.importGeoJson(geojson.getBytes(StandardCharsets.UTF_8), Level.DISTRICT, "test", Progress.NONE);
    }

    @Test
    void aCityIsSubdividedDownToCompoundsAndEveryPointFindsItsWholeChain() {
        givenACityWithTwoDistricts();
        var report = generation.generate(CITY, 5, 48_000, 400, 40, Progress.NONE);

        assertThat(report.subdistricts()).isEqualTo(4);
        assertThat(report.communities()).isEqualTo(12);
        assertThat(report.grids()).isBetween(100, 140);          // 48,000 / 400 = 120, rounded per community
        assertThat(report.compounds()).isBetween(1_000, 1_400);  // 48,000 / 40 = 1,200

        List<Unit> grids = hierarchy.children(new CityFile(CITY, "试城市").community(1, 1, 1));
        assertThat(grids).isNotEmpty().allSatisfy(g -> {
            assertThat(g.level()).isEqualTo(Level.GRID);
            assertThat(g.code()).startsWith(g.parentCode() + "g");
            assertThat(g.path()).endsWith("/" + g.parentCode() + "/" + g.code());
            assertThat(g.areaM2()).isPositive();
        });

        // every sample point inside the city answers five levels, and the same compound a scan finds
        var all = boundaries.all().stream().filter(b -> b.path().startsWith("/" + CITY + "/")).toList();
        var compounds = all.stream().filter(b -> b.level() == Level.COMPOUND).toList();
        var random = new Random(1);
        for (int i = 0; i < 2_000; i++) {
            double lon = 90.0 + random.nextDouble() * 0.3;
            double lat = 40.0 + random.nextDouble() * 0.1;
            var found = locator.locate(lon, lat).orElseThrow();
            assertThat(found.district()).isNotNull();
            assertThat(found.subdistrict()).isNotNull();
            assertThat(found.community()).isNotNull();
            assertThat(found.grid()).isNotNull();
            assertThat(found.compound()).isNotNull();
            assertThat(found.compound().code()).startsWith(found.grid().code()).startsWith(found.community().code());
            assertThat(LocateIndex.scan(compounds, lon, lat)).contains(found.compound().code());
        }
    }

    @Test
    void generatingAgainWithTheSameSeedGivesTheSameCity() {
        givenACityWithTwoDistricts();
        var first = generation.generate(CITY, 9, 20_000, 400, 40, Progress.NONE);
        var firstArea = hierarchy.unit(new CityFile(CITY, "试城市").community(2, 2, 3) + "g0001").areaM2();
        var second = generation.generate(CITY, 9, 20_000, 400, 40, Progress.NONE);
        assertThat(second.grids()).isEqualTo(first.grids());
        assertThat(second.compounds()).isEqualTo(first.compounds());
        assertThat(hierarchy.unit(new CityFile(CITY, "试城市").community(2, 2, 3) + "g0001").areaM2()).isEqualTo(firstArea);
    }

    @Test
    void badParametersAreReportedTogether() {
        assertThatThrownBy(() -> generation.generate("5101", 1, 1000, 0, -1, Progress.NONE))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).violations().stream().map(v -> v.where()).toList())
                .asList().containsExactly("households-per-grid", "households-per-compound");
        assertThatThrownBy(() -> generation.generate("9999", 1, 1000, 400, 40, Progress.NONE))
                .isInstanceOf(InvalidInput.class);
    }
}
