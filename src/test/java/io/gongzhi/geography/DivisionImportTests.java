package io.gongzhi.geography;

import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Progress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Importing divisions for any city, again and again, on H2 and PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@WithUserDetails("admin")
class DivisionImportTests {

    @Autowired
    MockMvc mvc;

    /** A clock the test can move forward a day at a time. */
    static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-03-01T02:00:00Z"));

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        Clock movableClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return Clock.fixed(NOW.get(), zone);
                }

                @Override
                public Instant instant() {
                    return NOW.get();
                }
            };
        }
    }

    @Autowired
    DivisionImports imports;

    @Autowired
    Hierarchy hierarchy;

    @Test
    void theShippedChengduDivisionsAreLoadedInDemoMode() {
        assertThat(hierarchy.unit("5101").displayName()).isEqualTo("成都市");
        assertThat(hierarchy.children("5101")).hasSize(20);
        assertThat(hierarchy.chain("510107009003")).extracting(Unit::level)
                .containsExactly(Level.CITY, Level.DISTRICT, Level.SUBDISTRICT, Level.COMMUNITY);
    }

    @Test
    void aSecondCityImportsBesideTheFirstAndAgainChangesNothing() {
        var city = new CityFile("5191", "眉城市");
        var first = imports.importCsv(city.bytes(), Progress.NONE);
        assertThat(first.added()).hasSize(19);
        assertThat(first.countsByLevel()).containsEntry(Level.COMMUNITY, 12).containsEntry(Level.SUBDISTRICT, 4);
        assertThat(first.retired()).isEmpty();
        assertThat(hierarchy.unit(city.community(2, 1, 3)).path())
                .isEqualTo("/5191/519102/519102001/519102001003");
        assertThat(hierarchy.unit(city.community(2, 1, 3)).displayName()).isEqualTo("眉213社区");
        assertThat(hierarchy.children("5101")).as("Chengdu untouched").hasSize(20);

        var again = imports.importCsv(city.bytes(), Progress.NONE);
        assertThat(again.changedNothing()).isTrue();
        assertThat(again.unchanged()).isEqualTo(19);
    }

    @Test
    void renamesMovesAdditionsAndRemovalsAreAppliedAndKeptAsHistory() throws Exception {
        var city = new CityFile("5192", "德城市");
        NOW.set(Instant.parse("2026-03-01T02:00:00Z"));
        imports.importCsv(city.bytes(), Progress.NONE);

        String renamed = city.community(1, 1, 1);
        String moved = city.community(1, 1, 2);
        String dropped = city.community(1, 2, 3);
        String fresh = city.subdistrict(2, 2) + "009";
        city.replace(renamed, renamed + ",德新名社区居民委员会,community," + city.subdistrict(1, 1))
                .replace(moved, moved + ",德112社区居民委员会,community," + city.subdistrict(2, 1))
                .remove(dropped)
                .add(fresh + ",德新建社区居民委员会,community," + city.subdistrict(2, 2));
        NOW.set(Instant.parse("2026-04-01T02:00:00Z"));
        var report = imports.importCsv(city.bytes(), Progress.NONE);

        assertThat(report.renamed()).containsExactly(renamed);
        assertThat(report.moved()).containsExactly(moved);
        assertThat(report.added()).containsExactly(fresh);
        assertThat(report.retired()).containsExactly(dropped);
        assertThat(report.unchanged()).as("19 rows less renamed, moved, added").isEqualTo(16);

        assertThat(hierarchy.unit(moved).path()).isEqualTo("/5192/519202/519202001/" + moved);
        assertThat(hierarchy.unit(dropped).current()).as("retired, not deleted").isFalse();
        assertThat(hierarchy.unit(dropped).validTo()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(hierarchy.children(city.subdistrict(1, 2))).extracting(Unit::code).doesNotContain(dropped);
        assertThat(hierarchy.nameOn(renamed, LocalDate.of(2026, 3, 15))).contains("德111社区居民委员会");
        assertThat(hierarchy.nameOn(renamed, LocalDate.of(2026, 4, 2))).contains("德新名社区居民委员会");
        assertThat(hierarchy.nameOn(fresh, LocalDate.of(2026, 3, 15))).isEmpty();
        mvc.perform(get("/api/geo/units/" + renamed + "/name").param("on", "2026-03-15"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("德111社区居民委员会"));
        mvc.perform(get("/api/geo/units/" + fresh + "/name").param("on", "2026-03-15"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("geography.not-yet"));
        mvc.perform(get("/api/geo/units/" + fresh + "/name").param("on", "15.03.2026"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("geography.date-invalid"));

        // the dropped community comes back in a later file
        city.add(dropped + ",德123社区居民委员会,community," + city.subdistrict(1, 2));
        NOW.set(Instant.parse("2026-05-01T02:00:00Z"));
        assertThat(imports.importCsv(city.bytes(), Progress.NONE).reinstated()).containsExactly(dropped);
        assertThat(hierarchy.unit(dropped).current()).isTrue();
    }

    @Test
    void aFileWithOneBadLineWritesNothing() {
        var city = new CityFile("5193", "乐城市");
        city.add(city.subdistrict(1, 1) + "099,,community," + city.subdistrict(1, 1));
        long before = hierarchy.countsByLevel().values().stream().mapToLong(Long::longValue).sum();
        assertThatThrownBy(() -> imports.importCsv(city.bytes(), Progress.NONE)).isInstanceOf(InvalidInput.class);
        long after = hierarchy.countsByLevel().values().stream().mapToLong(Long::longValue).sum();
        assertThat(after).isEqualTo(before);
        assertThatThrownBy(() -> hierarchy.unit("5193")).isInstanceOf(io.gongzhi.shared.NotFound.class);
    }

    @Test
    void searchFindsByNameAndByCode() {
        assertThat(hierarchy.search("玉林", 10)).extracting(Unit::displayName).startsWith("玉林街道").contains("玉林北路社区", "玉林东路社区");
        assertThat(hierarchy.search("510107", 5)).first().extracting(Unit::code).isEqualTo("510107");
    }
}
