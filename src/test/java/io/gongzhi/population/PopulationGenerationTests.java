package io.gongzhi.population;

import io.gongzhi.population.internal.Residents;
import io.gongzhi.population.internal.Address;
import io.gongzhi.population.internal.Criteria;
import io.gongzhi.population.internal.NationalId;
import io.gongzhi.population.internal.PopulationGeneration;
import io.gongzhi.population.internal.PopulationStatistics;
import io.gongzhi.population.internal.Registration;
import io.gongzhi.population.internal.Registry;
import io.gongzhi.population.internal.ResidentForm;
import io.gongzhi.population.internal.ResidentStatus;

import io.gongzhi.population.internal.PersonalDataVault;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.Progress;
import io.gongzhi.support.PopulationFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The synthetic district: census-like proportions, valid and unique identity numbers, figures that add up. */
@SpringBootTest
class PopulationGenerationTests {

    static final String DISTRICT = "510107";

    @Autowired
    ApplicationContext context;
    @Autowired
    PopulationGeneration generation;
    @Autowired
    PopulationStatistics statistics;
    @Autowired
    PersonalDataVault vault;
    @Autowired
    JdbcClient jdbc;

    static void clear(JdbcClient jdbc) {
        for (String table : List.of("population_visit", "population_move", "population_resident_care", "population_resident",
                "population_household", "population_import", "population_tally")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    @AfterEach
    void tearDown() {
        clear(jdbc);
    }

    @Test
    void aGeneratedDistrictLooksLikeTheCensusAndItsNumbersAreReal() {
        PopulationFixture.ensure(context);
        clear(jdbc);
        var report = generation.generate(DISTRICT, 20_000, 7, Progress.NONE);
        assertThat(report.households()).isBetween(18_000L, 22_000L);
        assertThat((double) report.residents() / report.households()).isBetween(2.2, 2.7);

        var figures = statistics.of(DISTRICT, Jurisdiction.EVERYWHERE);
        assertThat(figures.residents()).isEqualTo(report.residents());
        assertThat(figures.households()).isEqualTo(report.households());
        double total = figures.residents();
        assertThat(figures.aged60Plus() / total).as("60+ share (census ~18%)").isCloseTo(0.18, within(0.025));
        assertThat(figures.aged0To14() / total).as("0-14 share (census ~13%)").isCloseTo(0.133, within(0.025));
        assertThat(figures.registration().get(Registration.LOCAL) / total).isCloseTo(0.72, within(0.04));
        assertThat(figures.registration().get(Registration.FOREIGN)).isPositive();
        assertThat(figures.children().stream().mapToLong(PopulationStatistics.Part::residents).sum()).isEqualTo(figures.residents());
        assertThat(figures.pyramid().stream().mapToLong(b -> b.male() + b.female()).sum()).isEqualTo(figures.residents());
        assertThat(figures.careGroups().get("elderly-alone")).isPositive();
        assertThat(figures.careGroups().get("disabled") / total).isCloseTo(0.03, within(0.01));

        assertThat(jdbc.sql("select count(distinct id_lookup) from population_resident").query(Long.class).single()).isEqualTo(report.residents());
        LocalDate today = LocalDate.now(Registry.CHINA);
        var rows = jdbc.sql("select id_kind, id_sealed, birth_year, sex, registration, name, birth_sealed from population_resident order by id limit 3000")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4).strip(),
                        rs.getString(5), rs.getString(6), rs.getString(7)}).list();
        for (Object[] r : rows) {
            if (r[0].equals("PASSPORT")) {
                assertThat(r[4]).isEqualTo("FOREIGN");
                LocalDate born = LocalDate.parse(vault.reveal(PersonalDataVault.Kind.BIRTH_DATE, new PersonalDataVault.Protected((String) r[6], "")));
                assertThat(born.getYear()).isEqualTo(r[2]);
                continue;
            }
            assertThat(r[6]).as("a national ID carries its birth date: nothing more is sealed").isNull();
            String number = vault.reveal(PersonalDataVault.Kind.NATIONAL_ID, new PersonalDataVault.Protected((String) r[1], ""));
            var id = new NationalId(number);
            assertThat(id.birthDate().getYear()).isEqualTo(r[2]);
            assertThat(id.male()).isEqualTo(r[3].equals("M"));
            assertThat(id.birthDate()).isBefore(today.plusDays(1));
            if (r[4].equals("LOCAL")) {
                assertThat(id.areaCode()).isEqualTo(DISTRICT);
            }
            assertThat((String) r[5]).matches("[\\u4e00-\\u9fa5]{2,3}");
        }
        assertThatThrownBy(() -> generation.generate(DISTRICT, 100, 8, Progress.NONE))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("person.generate.not-empty");

        assertTalliesAgreeWithTheResidents("510107005");
        // changes keep the tallies in step: register, edit, move out, move to another community
        var worker = io.gongzhi.shared.Actor.commandLine();
        var compound = context.getBean(io.gongzhi.geography.Hierarchy.class).under("510107005001", io.gongzhi.geography.Level.COMPOUND).get(0);
        var other = context.getBean(io.gongzhi.geography.Hierarchy.class).under("510107005002", io.gongzhi.geography.Level.COMPOUND).get(0);
        var registry = context.getBean(Registry.class);
        var someone = registry.register(new Address(compound.code(), "77", "", "1"), new ResidentForm("计数测", "M", "", "NATIONAL_ID",
                NationalId.nth("510107", LocalDate.of(1944, 4, 4), 498, true).value(), "", "", "LOCAL", "HEAD", "no", "", ""), worker);
        registry.update(someone.id(), someone.version(), new ResidentForm("计数测", "M", "", "NATIONAL_ID", "", "", "", "TEMPORARY", "HEAD", "no", "", ""), worker);
        registry.transfer(someone.id(), new Address(other.code(), "77", "", "2"), registry.today(), "", worker);
        var leaving = context.getBean(Residents.class).search(new Criteria("", "510107005001", null, null, null, null, null), Jurisdiction.EVERYWHERE, 0, 1).residents().get(0);
        registry.moveOut(leaving.id(), registry.today(), ResidentStatus.MOVED_OUT, "", worker);
        assertTalliesAgreeWithTheResidents("510107005");
        assertRollUpsAgree("510107");
        assertRollUpsAgree("5101");
        assertThat(statistics.of("510107005", Jurisdiction.EVERYWHERE).residents()).isEqualTo(figures.children().stream()
                .filter(p -> p.code().equals("510107005")).mapToLong(PopulationStatistics.Part::residents).sum());
    }

    /** A sub-district's figures (added up from tallies) against its communities' (counted from residents). */
    void assertTalliesAgreeWithTheResidents(String subdistrict) {
        var above = statistics.of(subdistrict, Jurisdiction.EVERYWHERE);
        long residents = 0;
        var registration = new java.util.EnumMap<Registration, Long>(Registration.class);
        long[] bands = new long[PopulationStatistics.BANDS];
        for (var part : above.children()) {
            var community = statistics.of(part.code(), Jurisdiction.EVERYWHERE);
            assertThat(part.residents()).as(part.code()).isEqualTo(community.residents());
            residents += community.residents();
            community.registration().forEach((k, v) -> registration.merge(k, v, Long::sum));
            for (int b = 0; b < bands.length; b++) {
                bands[b] += community.pyramid().get(b).male() + community.pyramid().get(b).female();
            }
        }
        assertThat(above.residents()).isEqualTo(residents);
        assertThat(above.registration()).isEqualTo(registration);
        for (int b = 0; b < bands.length; b++) {
            // both count by the age reached this year, so they agree exactly
            long tallied = above.pyramid().get(b).male() + above.pyramid().get(b).female();
            assertThat(tallied).as("band " + b).isEqualTo(bands[b]);
        }
    }

    /** A place's figures (its children's tallies) against its children's own figures (their children's tallies). */
    void assertRollUpsAgree(String code) {
        var above = statistics.of(code, Jurisdiction.EVERYWHERE);
        var registration = new java.util.EnumMap<Registration, Long>(Registration.class);
        var pyramid = new long[PopulationStatistics.BANDS][2];
        for (var part : above.children()) {
            var child = statistics.of(part.code(), Jurisdiction.EVERYWHERE);
            assertThat(part.residents()).as(part.code()).isEqualTo(child.residents());
            child.registration().forEach((k, v) -> registration.merge(k, v, Long::sum));
            for (int b = 0; b < pyramid.length; b++) {
                pyramid[b][0] += child.pyramid().get(b).male();
                pyramid[b][1] += child.pyramid().get(b).female();
            }
        }
        assertThat(above.residents()).isPositive();
        assertThat(above.registration()).isEqualTo(registration);
        for (int b = 0; b < pyramid.length; b++) {
            assertThat(new long[] {above.pyramid().get(b).male(), above.pyramid().get(b).female()}).as("band " + b).containsExactly(pyramid[b]);
        }
    }

    /** Dies when the phase after the commit ends, as a generation killed while its indexes are rebuilt and analysed. */
    static final class DiesAfterCommit implements Progress {
        String task = "";

        @Override
        public void start(String task, long total) {
            this.task = task;
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void finish() {
            if (task.equals("indexes")) {
                throw new IllegalStateException("killed after the commit");
            }
        }
    }

    @Test
    void aGenerationKilledAfterItsCommitLeftItsAuditRowInThatCommit() {
        PopulationFixture.ensure(context);
        clear(jdbc);
        assertThatThrownBy(() -> generation.generate("510107005001", 200, 9, new DiesAfterCommit())).hasMessageContaining("killed");
        long residents = jdbc.sql("select count(*) from population_resident").query(Long.class).single();
        assertThat(residents).as("the load committed").isPositive();
        assertThat(jdbc.sql("select detail from audit_record where action = 'person.generate' and object = 'area:510107005001' "
                        + "and outcome = 'SUCCESS' order by id desc").query(String.class).list())
                .as("the row that accounts for them committed with them").anyMatch(d -> d.contains("residents=" + residents));
    }

    @Test
    void generationNeedsCompoundsAndSaysSo() {
        assertThatThrownBy(() -> generation.generate("510199", 100, 1, Progress.NONE)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("person.generate.no-area");
    }
}
