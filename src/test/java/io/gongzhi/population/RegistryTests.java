package io.gongzhi.population;

import io.gongzhi.population.internal.Residents;
import io.gongzhi.population.internal.Address;
import io.gongzhi.population.internal.BirthYears;
import io.gongzhi.population.internal.Criteria;
import io.gongzhi.population.internal.Move;
import io.gongzhi.population.internal.NationalId;
import io.gongzhi.population.internal.PopulationStatistics;
import io.gongzhi.population.internal.Registration;
import io.gongzhi.population.internal.Registry;
import io.gongzhi.population.internal.Resident;
import io.gongzhi.population.internal.ResidentForm;
import io.gongzhi.population.internal.ResidentStatus;
import io.gongzhi.population.internal.Tallies;
import io.gongzhi.population.internal.Visit;

import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.shared.Violation;
import io.gongzhi.support.PopulationFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry as a community worker uses it: register, find, unmask with a reason, move, edit; never outside the community. */
@SpringBootTest
class RegistryTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    Registry registry;
    @Autowired
    Residents residents;
    @Autowired
    JdbcClient jdbc;

    PopulationFixture.People people;
    Actor worker;

    @BeforeEach
    void setUp() {
        people = PopulationFixture.ensure(context);
        worker = new Actor(42L, "worker-test", Set.of("COMMUNITY_WORKER"), Set.of("person.read", "person.write", "person.unmask"),
                Jurisdiction.of(RegionPath.of(people.insideCompound().path().substring(0, people.insideCompound().path().indexOf("/" + PopulationFixture.INSIDE) + 13))));
    }

    static int seq = 300;

    ResidentForm person(String name, NationalId id, String phone, String care) {
        return new ResidentForm(name, id.male() ? "M" : "F", "", "NATIONAL_ID", id.value(), "", phone, "LOCAL", "HEAD", "no", care, "2020-01-01");
    }

    NationalId freshId(LocalDate birth, boolean male) {
        return NationalId.nth("510107", birth, seq++, male);
    }

    @Test
    void aRegisteredResidentIsFoundByNameIdAndPhoneAndShownMasked() {
        var id = freshId(LocalDate.of(1985, 7, 9), true);
        Resident r = registry.register(new Address(people.insideCompound().code(), "8", "2", "1502"), person("诸葛明测", id, "138 1234 5678", ""), worker);
        assertThat(r.idMasked()).isEqualTo(id.value().substring(0, 6) + "************");
        assertThat(r.phoneMasked()).isEqualTo("138****5678");
        assertThat(r.born()).isEqualTo(new BirthYears(1985, 1985));
        assertThat(registry.unmask(r.id(), Registry.Field.BIRTH_DATE, "核对出生日期", worker)).isEqualTo("1985-07-09");
        for (String q : new String[] {"诸葛明", id.value(), id.value().toLowerCase(), "13812345678"}) {
            assertThat(residents.search(new Criteria(q, null, null, null, null, null, null), worker.jurisdiction(), 0, 10).residents())
                    .as(q).extracting(Resident::id).contains(r.id());
        }
        String stored = jdbc.sql("select id_sealed || phone_sealed || id_lookup from population_resident where id = ?").param(r.id()).query(String.class).single();
        assertThat(stored).as("no plain number at rest").doesNotContain(id.value()).doesNotContain("13812345678");
        assertThat(residents.moves(r.id(), worker.jurisdiction())).extracting(Move::kind).containsExactly(Move.Kind.IN);
    }

    @Test
    void unmaskingNeedsAReasonAndIsAudited() {
        long id = people.inside().id();
        assertThatThrownBy(() -> registry.unmask(id, Registry.Field.ID, " ", worker))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).violations().get(0).code()).isEqualTo("person.unmask-reason");
        assertThat(registry.unmask(id, Registry.Field.ID, "核对低保申请", worker)).isEqualTo(PopulationFixture.INSIDE_ID.value());
        assertThat(registry.unmask(id, Registry.Field.PHONE, "联系家属", worker)).isEqualTo(PopulationFixture.INSIDE_PHONE);
        var rows = jdbc.sql("select detail from audit_record where action = 'person.unmask' and object = ? and account = 'worker-test' order by id")
                .param("resident:" + id).query(String.class).list();
        assertThat(rows).contains("id: 核对低保申请", "phone: 联系家属");
        assertThat(String.join(" ", rows)).doesNotContain(PopulationFixture.INSIDE_ID.value());
    }

    @Test
    void theSamePersonCannotBeRegisteredTwice() {
        var form = person("司马重测", PopulationFixture.INSIDE_ID, "", "");
        assertThatThrownBy(() -> registry.register(new Address(people.insideCompound().code(), "7", "", "301"), form, worker))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations()).extracting(Violation::code).contains("person.id-registered"));
    }

    @Test
    void badInputIsExplainedFieldByFieldAndNothingIsWritten() {
        long before = jdbc.sql("select count(*) from population_resident").query(Long.class).single();
        var id = freshId(LocalDate.of(1990, 1, 1), true);
        var wrong = new ResidentForm("王5", "女", "1991-01-01", "居民身份证", id.value().substring(0, 17) + (id.value().charAt(17) == '1' ? "2" : "1"),
                "", "12345", "火星", "表哥", "也许", "独居老人、不存在的类别", "2999-01-01");
        assertThatThrownBy(() -> registry.register(new Address("nowhere", "", "", ""), wrong, worker))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations()).extracting(Violation::where, Violation::code).contains(
                        org.assertj.core.groups.Tuple.tuple("name", "person.name-digits"),
                        org.assertj.core.groups.Tuple.tuple("idNumber", "person.id-checksum"),
                        org.assertj.core.groups.Tuple.tuple("phone", "person.phone-invalid"),
                        org.assertj.core.groups.Tuple.tuple("registration", "person.registration-invalid"),
                        org.assertj.core.groups.Tuple.tuple("relation", "person.relation-invalid"),
                        org.assertj.core.groups.Tuple.tuple("partyMember", "person.yes-no"),
                        org.assertj.core.groups.Tuple.tuple("careGroups", "person.care-group-unknown"),
                        org.assertj.core.groups.Tuple.tuple("movedIn", "person.date-future"),
                        org.assertj.core.groups.Tuple.tuple("compound", "person.compound-unknown"),
                        org.assertj.core.groups.Tuple.tuple("building", "person.required"),
                        org.assertj.core.groups.Tuple.tuple("room", "person.required")));
        var mismatch = new ResidentForm("王芳", "女", "1991-01-01", "居民身份证", id.value(), "", "", "户籍", "户主", "否", "独居老人", "");
        assertThatThrownBy(() -> registry.register(new Address(people.insideCompound().code(), "1", "", "1"), mismatch, worker))
                .satisfies(e -> assertThat(((InvalidInput) e).violations()).extracting(Violation::code)
                        .contains("person.sex-differs-from-id", "person.birth-differs-from-id", "person.care-group-elderly"));
        assertThat(jdbc.sql("select count(*) from population_resident").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void movesAreKeptAsHistoryAndMovedOutResidentsLeaveTheCounts() {
        var id = freshId(LocalDate.of(1950, 2, 2), false);
        Resident r = registry.register(new Address(people.insideCompound().code(), "6", "1", "601"), person("慕容迁测", id, "", "独居老人"), worker);
        long firstHousehold = r.householdId();
        Resident moved = registry.transfer(r.id(), new Address(people.insideCompound().code(), "6", "2", "1201"), LocalDate.of(2024, 3, 1), "换房", worker);
        assertThat(moved.householdId()).isNotEqualTo(firstHousehold);
        assertThat(moved.movedIn()).isEqualTo("2024-03-01");
        Resident out = registry.moveOut(r.id(), LocalDate.of(2025, 8, 1), ResidentStatus.MOVED_OUT, "投靠子女", worker);
        assertThat(out.status()).isEqualTo(ResidentStatus.MOVED_OUT);
        assertThat(out.careGroups()).isEmpty();
        var history = residents.moves(r.id(), worker.jurisdiction());
        assertThat(history).extracting(Move::kind).containsExactly(Move.Kind.IN, Move.Kind.TRANSFER, Move.Kind.OUT);
        assertThat(history.get(1).fromHouseholdId()).isEqualTo(firstHousehold);
        assertThat(history.get(2).reason()).isEqualTo("投靠子女");
        assertThat(residents.search(new Criteria("慕容迁测", null, null, null, null, null, null), worker.jurisdiction(), 0, 10).residents()).isEmpty();
        assertThat(residents.search(new Criteria("慕容迁测", null, null, null, null, null, ResidentStatus.MOVED_OUT), worker.jurisdiction(), 0, 10)
                .residents()).extracting(Resident::id).containsExactly(r.id());
        assertThat(residents.household(moved.householdId(), worker.jurisdiction()).former()).extracting(Resident::id).contains(r.id());
        assertThatThrownBy(() -> registry.moveOut(r.id(), LocalDate.of(2025, 9, 1), ResidentStatus.MOVED_OUT, "", worker))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void anEditNeedsTheVersionItReadAndKeepsNumbersLeftBlank() {
        var id = freshId(LocalDate.of(1970, 4, 4), true);
        Resident r = registry.register(new Address(people.insideCompound().code(), "5", "1", "501"), person("东方改测", id, "13711112222", ""), worker);
        var edit = new ResidentForm("东方改名", "M", "", "NATIONAL_ID", "", "", "", "PERMIT", "HEAD", "yes", "退役军人", "");
        Resident changed = registry.update(r.id(), r.version(), edit, worker);
        assertThat(changed.name()).isEqualTo("东方改名");
        assertThat(changed.registration()).isEqualTo(Registration.PERMIT);
        assertThat(changed.partyMember()).isTrue();
        assertThat(changed.careGroups()).containsExactly("veteran");
        assertThat(changed.idMasked()).isEqualTo(r.idMasked());
        assertThat(changed.phoneMasked()).isEqualTo("137****2222");
        assertThatThrownBy(() -> registry.update(r.id(), r.version(), edit, worker))
                .satisfies(e -> assertThat(((InvalidInput) e).violations()).extracting(Violation::code).contains("person.changed-meanwhile"));
    }

    @Test
    void nothingOutsideTheJurisdictionIsReachable() {
        long outside = people.outside().id();
        assertThatThrownBy(() -> residents.resident(outside, worker.jurisdiction())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> residents.household(people.outside().householdId(), worker.jurisdiction())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> registry.unmask(outside, Registry.Field.ID, "查一下", worker)).isInstanceOf(NotFound.class);
        assertThat(residents.search(new Criteria(PopulationFixture.OUTSIDE_ID.value(), null, null, null, null, null, null), worker.jurisdiction(), 0, 10)
                .residents()).isEmpty();
        assertThatThrownBy(() -> registry.register(new Address(people.outsideCompound().code(), "1", "", "1"),
                person("外区登记", freshId(LocalDate.of(1999, 9, 9), true), "", ""), worker))
                .satisfies(e -> assertThat(((InvalidInput) e).violations()).extracting(Violation::code).contains("person.compound-unknown"));
    }

    @Test
    void aNameSearchListsExactNamesFirstThenLongerOnesPageByPage() {
        var registered = new ArrayList<String>();
        for (String name : List.of("司马序文", "司马序", "司马序", "司马序甲", "司马序")) {
            var r = registry.register(new Address(people.insideCompound().code(), "31", "", String.valueOf(registered.size() + 1)),
                    person(name, freshId(LocalDate.of(1980, 3, 3), true), "", ""), worker);
            registered.add(name + "#" + r.id());
        }
        var expected = new ArrayList<String>();
        registered.stream().filter(n -> n.startsWith("司马序#")).forEach(expected::add);
        expected.add(registered.get(0));
        expected.add(registered.get(3));
        var seen = new ArrayList<String>();
        for (int page = 0; page < 3; page++) {
            var found = residents.search(new Criteria("司马序", null, null, null, null, null, null), worker.jurisdiction(), page, 2);
            found.residents().forEach(r -> seen.add(r.name() + "#" + r.id()));
            assertThat(found.more()).as("page " + page).isEqualTo(page < 2);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(residents.search(new Criteria("司马序", null, null, null, null, null, null), worker.jurisdiction(), 3, 2).residents()).isEmpty();
    }

    @Test
    void talliesCountEveryoneInTheirDistrictSubdistrictAndCommunity() {
        String path = "/5101/510107/510107005/510107005001/510107005001g0001/510107005001g0001c001";
        assertThat(Tallies.ancestor(path, io.gongzhi.geography.Level.COMMUNITY)).isEqualTo("/5101/510107/510107005/510107005001");
        assertThat(Tallies.ancestor(path, io.gongzhi.geography.Level.DISTRICT)).isEqualTo("/5101/510107");
        var tallies = new Tallies();
        tallies.add(path, "F", 1950, Registration.LOCAL, 1);
        tallies.add(path.replace("005001", "005002"), "F", 1950, Registration.LOCAL, 1);
        tallies.add(path, "F", 1950, Registration.LOCAL, -1);
        // the first person left: only the second one's community and their shared sub-district and district remain
        assertThat(tallies.rows()).extracting(r -> r[0] + " " + r[1] + " " + r[2] + " " + r[3] + " " + r[4] + " " + r[5]).containsExactly(
                "/5101/510107 1 - 0 LOCAL 1", "/5101/510107 1 F 1950 - 1",
                "/5101/510107/510107005 2 - 0 LOCAL 1", "/5101/510107/510107005 2 F 1950 - 1",
                "/5101/510107/510107005/510107005002 3 - 0 LOCAL 1", "/5101/510107/510107005/510107005002 3 F 1950 - 1");
        // ages reached this year: the band changes on New Year's Day, never on a birthday
        assertThat(PopulationStatistics.bandOfYear(1950, LocalDate.of(2026, 1, 1))).isEqualTo(15);
        assertThat(PopulationStatistics.bandOfYear(2021, LocalDate.of(2026, 12, 31))).isEqualTo(1);
        assertThat(PopulationStatistics.bandOfYear(2021, LocalDate.of(2025, 12, 31))).isEqualTo(0);
    }

    @Test
    void visitsAreRecordedAndTheVisitedLeaveTheDueList() {
        long inside = people.inside().id();
        assertThat(residents.visitsDue(worker.jurisdiction(), 500)).extracting(d -> d.resident().id()).contains(inside);
        registry.visit(inside, registry.today(), "身体不错，冰箱有菜", worker);
        assertThat(residents.visits(inside, worker.jurisdiction())).extracting(Visit::note).contains("身体不错，冰箱有菜");
        assertThat(residents.visitsDue(worker.jurisdiction(), 500)).extracting(d -> d.resident().id()).doesNotContain(inside);
        jdbc.sql("delete from population_visit where resident_id = ?").param(inside).update();
    }
}
