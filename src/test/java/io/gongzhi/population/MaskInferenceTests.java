package io.gongzhi.population;

import io.gongzhi.population.internal.Address;
import io.gongzhi.population.internal.IdKind;
import io.gongzhi.population.internal.NationalId;
import io.gongzhi.population.internal.PopulationGeneration;
import io.gongzhi.population.internal.Registry;
import io.gongzhi.population.internal.ResidentForm;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.population.internal.PersonalDataVault;
import io.gongzhi.population.internal.ResidentRows;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Progress;
import io.gongzhi.support.PopulationFixture;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A masked identity number must stay masked against inference: from everything a role reads about
 * a person without unmasking (API, pages, the export) at least 10,000 numbers remain possible, and
 * as many from a copy of the database without the key. Counted for a generated community and for
 * the people whose records give most away: born on New Year's Day and moved in that day, babies of
 * this and last year visited and moved in their first days, a passport holder.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaskInferenceTests {

    static final long AT_LEAST = 10_000;
    static final String COMMUNITY = PopulationFixture.INSIDE;
    static final List<String> READERS = List.of("city", "district", "dispatcher", "community", "grid");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationContext context;
    @Autowired
    PopulationGeneration generation;
    @Autowired
    Registry registry;
    @Autowired
    PersonalDataVault vault;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    LocalDate today;
    final Map<String, Long> edgeCases = new LinkedHashMap<>();

    /** What one reader saw of one person. */
    static final class Seen {
        String mask;
        boolean male;
        int from;
        int to;
        final List<String> texts = new ArrayList<>();
    }

    @BeforeAll
    void people() {
        PopulationFixture.ensure(context);
        PopulationGenerationTests.clear(jdbc);
        generation.generate(COMMUNITY, 120, 11, Progress.NONE);
        today = registry.today();
        var compound = hierarchy.under(COMMUNITY, io.gongzhi.geography.Level.COMPOUND).get(0).code();
        var actor = Actor.commandLine();
        int y = today.getYear();
        LocalDate newYear = LocalDate.of(y - 40, 1, 1);
        edgeCases.put("new year", register(compound, "1", "元旦生", newYear, newYear, false, ""));
        LocalDate lastYear = LocalDate.of(y - 1, 1, 1);
        long baby = register(compound, "2", "去年婴", lastYear, lastYear, true, "残疾人");
        registry.visit(baby, lastYear.plusDays(1), "新生儿随访", actor);
        registry.transfer(baby, new Address(compound, "2", "1", "102"), lastYear.plusDays(2), "换房", actor);
        edgeCases.put("last year's baby", baby);
        LocalDate thisYear = LocalDate.of(y, 1, 1);
        long newborn = register(compound, "3", "今年婴", thisYear, thisYear, false, "");
        registry.visit(newborn, thisYear, "出生当天", actor);
        edgeCases.put("this year's baby", newborn);
        LocalDate eve = LocalDate.of(y - 2, 12, 31);
        edgeCases.put("born on new year's eve", register(compound, "4", "除夕生", eve, eve.plusDays(1), true, ""));
        var passport = new ResidentForm("Anna Müller", "F", "1980-01-01", "PASSPORT", "E99887766", "DEU", "", "境外", "户主", "否", "", "1980-01-02");
        edgeCases.put("passport", registry.register(new Address(compound, "5", "1", "101"), passport, actor).id());
    }

    long register(String compound, String building, String name, LocalDate birth, LocalDate movedIn, boolean male, String care) {
        var id = NationalId.nth("510107", birth, 499 - edgeCases.size(), male);
        var form = new ResidentForm(name, male ? "M" : "F", "", "NATIONAL_ID", id.value(), "", "", "户籍", "户主", "否", care, movedIn.toString());
        return registry.register(new Address(compound, building, "1", "101"), form, Actor.commandLine()).id();
    }

    @AfterAll
    void tearDown() {
        PopulationGenerationTests.clear(jdbc);
    }

    @Test
    void everyRoleThatReadsPeopleLeavesAtLeastTenThousandNumbers() throws Exception {
        var truth = truth();
        for (String reader : READERS) {
            Map<Long, Seen> seen = read(reader);
            assertThat(seen).as(reader + " reads people").isNotEmpty();
            long least = Long.MAX_VALUE;
            for (var e : seen.entrySet()) {
                Seen s = e.getValue();
                String number = truth.get(e.getKey()).number();
                LocalDate birth = truth.get(e.getKey()).birth();
                String everything = String.join("\n", s.texts);
                assertThat(everything).as(reader + " never sees the number of resident " + e.getKey()).doesNotContain(number);
                assertThat(everything).as(reader + " never sees the birth date of resident " + e.getKey())
                        .doesNotContain(birth.toString()).doesNotContain(birth.toString().replace("-", ""));
                if (s.mask.length() != 18) {
                    continue;
                }
                var after = IdCandidates.dates(s.texts);
                long n = IdCandidates.count(s.mask, number.substring(0, 6), s.male, s.from, s.to, after, today);
                assertThat(n).as(reader + ": numbers left for resident " + e.getKey() + " (" + s.mask + ", born " + s.from + "–" + s.to
                        + ", dates " + after + ")").isGreaterThanOrEqualTo(AT_LEAST);
                assertThat(IdCandidates.count(number, number.substring(0, 6), s.male, s.from, s.to, after, today))
                        .as("the true number agrees with what was seen").isEqualTo(1);
                least = Math.min(least, n);
            }
            assertThat(seen.keySet()).as(reader + " sees the edge cases in its area").containsAnyElementsOf(edgeCases.values());
            System.out.printf("mask inference: %s read %d people; fewest numbers left %,d%n", reader, seen.size(), least);
        }
    }

    @Test
    void theOldMaskBesideTheBirthDateLeftOneNumber() {
        // the view before this rule: area and last four, and the full birth date (what the counting must catch)
        var truth = truth().get(edgeCases.get("new year"));
        String old = truth.number().substring(0, 6) + "********" + truth.number().substring(14);
        int year = truth.birth().getYear();
        assertThat(IdCandidates.count(old, old, true, year, year, List.of(truth.birth()), today)
                + IdCandidates.count(old, old, false, year, year, List.of(truth.birth()), today)).isEqualTo(1);
    }

    @Test
    void aCopyOfTheDatabaseWithoutTheKeyLeavesAtLeastTenThousandNumbers() {
        // the area is not kept in clear: a reader of the tables must guess it, at best among the city's districts
        int areas = hierarchy.children("5101").size();
        assertThat(areas).isEqualTo(20);
        var rows = jdbc.sql("select r.*, h.created_at as household_created from population_resident r "
                        + "join population_household h on h.id = r.household_id where r.id_kind = 'NATIONAL_ID'")
                .query((rs, n) -> {
                    var clear = new ArrayList<String>();
                    var meta = rs.getMetaData();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        String column = meta.getColumnLabel(c).toLowerCase();
                        if (!column.endsWith("_sealed") && !column.endsWith("_lookup") && rs.getObject(c) != null) {
                            clear.add(column + "=" + rs.getObject(c));
                        }
                    }
                    return Map.entry(rs.getLong("id"), clear);
                }).list();
        assertThat(rows).hasSizeGreaterThan(200);
        var truth = truth();
        long least = Long.MAX_VALUE;
        for (var row : rows) {
            long id = row.getKey();
            var texts = new ArrayList<>(row.getValue());
            texts.addAll(jdbc.sql("select happened_on || ' ' || recorded_at from population_move where resident_id = ?").param(id).query(String.class).list());
            texts.addAll(jdbc.sql("select visited_on || ' ' || recorded_at from population_visit where resident_id = ?").param(id).query(String.class).list());
            texts.addAll(jdbc.sql("select cast(at as varchar) from audit_record where object = ?").param("resident:" + id).query(String.class).list());
            String clear = String.join(" ", row.getValue());
            String number = truth.get(id).number();
            assertThat(clear).as("no part of the number beyond the area's district is kept in clear").doesNotContain(number.substring(6, 14))
                    .doesNotContain(number.substring(10, 18));
            int year = Integer.parseInt(row.getValue().stream().filter(t -> t.startsWith("birth_year=")).findFirst().orElseThrow().substring(11));
            boolean male = row.getValue().contains("sex=M");
            var after = IdCandidates.dates(texts);
            long n = areas * IdCandidates.count("*".repeat(18), number.substring(0, 6), male, year, year, after, today);
            assertThat(n).as("numbers left for resident " + id + " from the tables").isGreaterThanOrEqualTo(AT_LEAST);
            least = Math.min(least, n);
        }
        System.out.printf("mask inference: a copy of the database (%d people) leaves at least %,d numbers each%n", rows.size(), least);
    }

    record Truth(String number, LocalDate birth) {
    }

    Map<Long, Truth> truth() {
        var truth = new HashMap<Long, Truth>();
        jdbc.sql("select id, id_kind, id_sealed, birth_sealed from population_resident").query(rs -> {
            IdKind kind = IdKind.valueOf(rs.getString(2));
            String number = vault.reveal(ResidentRows.kindOf(kind), new PersonalDataVault.Protected(rs.getString(3), ""));
            LocalDate birth = kind == IdKind.NATIONAL_ID ? new NationalId(number).birthDate()
                    : LocalDate.parse(vault.reveal(PersonalDataVault.Kind.BIRTH_DATE, new PersonalDataVault.Protected(rs.getString(4), "")));
            truth.put(rs.getLong(1), new Truth(number, birth));
        });
        return truth;
    }

    /**
     * What {@code reader} can read about each person it finds: the list, and for every edge case and
     * a fifth of the others their record, moves, visits and household, their due visit, the edge
     * cases' pages, and the export.
     */
    Map<Long, Seen> read(String reader) throws Exception {
        var seen = new LinkedHashMap<Long, Seen>();
        for (int page = 0; ; page++) {
            JsonNode result = call(reader, "/api/population/residents?size=200&page=" + page);
            for (JsonNode r : result.get("residents")) {
                Seen s = new Seen();
                s.mask = r.get("idMasked").asString();
                s.male = r.get("sex").asString().equals("M");
                s.from = r.get("born").get("from").asInt();
                s.to = r.get("born").get("to").asInt();
                s.texts.add(r.toString());
                seen.put(r.get("id").asLong(), s);
            }
            if (!result.get("more").asBoolean()) {
                break;
            }
        }
        var households = new HashSet<Long>();
        int n = 0;
        for (var e : seen.entrySet()) {
            long id = e.getKey();
            // every page of a person reads through the same code: a fifth of them in full, and every edge case
            if (n++ % 5 != 0 && !edgeCases.containsValue(id)) {
                continue;
            }
            JsonNode resident = call(reader, "/api/population/residents/" + id);
            e.getValue().texts.add(resident.toString());
            e.getValue().texts.add(call(reader, "/api/population/residents/" + id + "/moves").toString());
            e.getValue().texts.add(call(reader, "/api/population/residents/" + id + "/visits").toString());
            long household = resident.get("householdId").asLong();
            if (households.add(household)) {
                JsonNode h = call(reader, "/api/population/households/" + household);
                for (String list : List.of("residents", "former")) {
                    for (JsonNode member : h.get(list)) {
                        if (seen.containsKey(member.get("id").asLong())) {
                            seen.get(member.get("id").asLong()).texts.add(member.toString());
                        }
                    }
                }
            }
        }
        for (JsonNode due : call(reader, "/api/population/visits-due?limit=500")) {
            Seen s = seen.get(due.get("resident").get("id").asLong());
            if (s != null) {
                s.texts.add(due.toString());
            }
        }
        for (long id : edgeCases.values()) {
            if (seen.containsKey(id)) {
                seen.get(id).texts.add(text(reader, "/population/residents/" + id));
            }
        }
        if (reader.equals("community")) {
            addExport(reader, seen);
        }
        return seen;
    }

    /** The export's row of each person (matched by name and mask) joins what was seen of them. */
    void addExport(String reader, Map<Long, Seen> seen) throws Exception {
        byte[] xlsx = mvc.perform(get("/population/export.xlsx").with(user(users.loadUserByUsername(reader)))).andReturn().getResponse().getContentAsByteArray();
        var rows = new ArrayList<List<String>>();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getFirstSheet().read()) {
                var cells = new ArrayList<String>();
                row.forEach(c -> cells.add(c == null ? "" : c.getRawValue() == null ? "" : c.getRawValue()));
                rows.add(cells);
            }
        }
        assertThat(rows.size()).as("the export holds the people the worker sees").isGreaterThan(seen.size() / 2);
        for (Seen s : seen.values()) {
            String name = nameOf(s);
            for (List<String> row : rows) {
                if (row.contains(name) && row.contains(s.mask)) {
                    s.texts.add(String.join("|", row));
                }
            }
        }
    }

    String nameOf(Seen s) throws Exception {
        return json.readTree(s.texts.get(0)).get("name").asString();
    }

    JsonNode call(String reader, String path) throws Exception {
        var response = mvc.perform(get(path).with(user(users.loadUserByUsername(reader)))).andReturn().getResponse();
        assertThat(response.getStatus()).as(reader + " " + path).isEqualTo(200);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    String text(String reader, String path) throws Exception {
        var response = mvc.perform(get(path).with(user(users.loadUserByUsername(reader)))).andReturn().getResponse();
        assertThat(response.getStatus()).as(reader + " " + path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

}
