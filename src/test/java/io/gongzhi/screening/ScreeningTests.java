package io.gongzhi.screening;

import io.gongzhi.screening.internal.Campaigns;
import io.gongzhi.screening.internal.Coverage;
import io.gongzhi.screening.internal.Rounds;
import io.gongzhi.screening.internal.VisitForm;
import io.gongzhi.screening.internal.Visits;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.support.PopulationFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A campaign over a community: its round gives every lived-in household there a task and none
 * outside; visits sent in batches are kept once however often a batch is sent again, cut short, or
 * sent by many threads at once; a visit arriving late does not undo a later one; coverage adds up
 * to a brute count at every level; bad input is refused naming the field, item by item.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ScreeningTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String COMMUNITY = PopulationFixture.INSIDE;
    static final String FORM = """
            {"fields":[{"key":"temperature","label":"体温","type":"NUMBER"},
                       {"key":"travelled","label":"14天内外出","type":"YES_NO"},
                       {"key":"note","label":"备注","type":"TEXT","required":false}],
             "rules":[{"label":"发热","when":[{"field":"temperature","op":"GE","value":"37.3"}]}]}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Rounds rounds;
    @Autowired
    Visits visits;
    @Autowired
    Coverage coverage;
    @Autowired
    Clock clock;

    PopulationFixture.People people;
    String subdistrictPath;

    static Actor actor(String role, String path, String... permissions) {
        return new Actor(null, "screening-test-" + role.toLowerCase(), Set.of(role), Set.of(permissions), Jurisdiction.of(RegionPath.of(path)));
    }

    @BeforeEach
    void people() {
        people = PopulationFixture.ensure(context);
        PopulationFixture.households(context, people.insideCompound(), 6);
        subdistrictPath = RegionPath.of(people.insideCompound().path()).ancestor(3);
    }

    Actor planner() {
        return actor("SUBDISTRICT_DISPATCHER", subdistrictPath, "screening.read", "screening.plan", "person.read");
    }

    Actor gridWorker() {
        return actor("GRID_WORKER", RegionPath.of(people.insideCompound().path()).ancestor(4), "screening.read", "screening.visit", "person.read");
    }

    /** A campaign over the inside community with its first round open from today, by HTTP as the demo dispatcher. */
    long openRound() throws Exception {
        String campaign = mvc.perform(postApi("/api/screening/campaigns").with(user(users.loadUserByUsername("dispatcher")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unit\":\"" + COMMUNITY + "\",\"name\":\"测试排查" + UUID.randomUUID().toString().substring(0, 6) + "\",\"form\":" + FORM + "}"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(campaign).contains("\"scopeUnit\":\"" + COMMUNITY + "\"");
        long id = Long.parseLong(campaign.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        var round = mvc.perform(postApi("/api/screening/campaigns/" + id + "/rounds").with(user(users.loadUserByUsername("dispatcher")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today.plusDays(3) + "\"}"))
                .andReturn().getResponse();
        assertThat(round.getStatus()).isEqualTo(201);
        return Long.parseLong(round.getContentAsString().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
    }

    @Test
    void aRoundGivesEveryLivedInHouseholdOfItsScopeOneTaskAndNoneOutside() throws Exception {
        long round = openRound();
        long lived = jdbc.sql("""
                        select count(*) from population_household h where (h.path like :below)
                        and exists (select 1 from population_resident r where r.household_id = h.id and r.status = 'PRESENT')""")
                .param("below", "%/" + COMMUNITY + "/%").query(Long.class).single();
        assertThat(lived).isPositive();
        assertThat(rounds.get(round, planner()).tasks()).isEqualTo((int) lived);
        assertThat(jdbc.sql("select count(*) from screening_task where round_id = ? and path not like ?").params(round, "%/" + COMMUNITY + "/%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(distinct household_id) from screening_task where round_id = ?").param(round).query(Long.class).single())
                .isEqualTo(lived);
        assertThat(jdbc.sql("select count(*) from screening_task t join population_resident r on r.household_id = t.household_id "
                + "where t.round_id = ? and r.id = ?").params(round, people.outside().id()).query(Long.class).single()).isZero();
    }

    @Test
    void aBatchSentAgainOrCutShortAndResentIsKeptOnce() throws Exception {
        long round = openRound();
        List<Long> households = households(round, 4);
        String at = Instant.now(clock).toString();
        String a = visit("k-a-" + UUID.randomUUID(), households.get(0), "VISITED", at, "{\"temperature\":36.6,\"travelled\":false}");
        String b = visit("k-b-" + UUID.randomUUID(), households.get(1), "VISITED", at, "{\"temperature\":38.2,\"travelled\":\"否\"}");
        String c = visit("k-c-" + UUID.randomUUID(), households.get(2), "NOT_HOME", at, null);
        String d = visit("k-d-" + UUID.randomUUID(), households.get(3), "REFUSED", at, null);

        String first = send(round, a, b, c);
        assertThat(first).contains("\"recorded\":3,\"already\":0,\"refused\":0").contains("\"state\":\"ANOMALY\",\"anomalies\":[\"发热\"]");
        assertThat(send(round, a, b, c)).contains("\"recorded\":0,\"already\":3,\"refused\":0").contains("\"state\":\"ANOMALY\",\"anomalies\":[\"发热\"]");
        // the connection dropped after two: sent again with one more
        assertThat(send(round, a, b, d)).contains("\"recorded\":1,\"already\":2,\"refused\":0");
        // the same visit twice in one batch
        assertThat(send(round, d, d)).contains("\"recorded\":0,\"already\":2");

        assertThat(jdbc.sql("select count(*) from screening_visit where round_id = ?").param(round).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select state, visits from screening_task where round_id = ? and household_id = ?").params(round, households.get(1))
                .query((rs, i) -> rs.getString(1) + rs.getInt(2)).single()).isEqualTo("ANOMALY1");
        assertThat(jdbc.sql("select revisit_due from screening_task where round_id = ? and household_id = ?").params(round, households.get(2))
                .query(LocalDate.class).single()).isEqualTo(LocalDate.now(clock.withZone(CHINA)).plusDays(1));
    }

    @Test
    void manyThreadsSendingTheSameBatchKeepEachVisitOnce() throws Exception {
        long round = openRound();
        List<Long> households = households(round, 5);
        String at = Instant.now(clock).toString();
        var batch = new ArrayList<Visits.Sent>();
        for (long h : households) {
            batch.add(new Visits.Sent("par-" + UUID.randomUUID(), h, "VISITED", at, Map.of("temperature", 36.5, "travelled", false)));
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Callable<List<Visits.Result>>>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> visits.record(round, batch, gridWorker()));
            }
            long recorded = 0;
            for (var f : pool.invokeAll(calls)) {
                List<Visits.Result> results;
                try {
                    results = f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // two first inserts of one key meeting in the database: the loser's transaction is refused whole, as a retry would be
                    assertThat(e.getCause()).isInstanceOf(org.springframework.dao.DataAccessException.class);
                    continue;
                }
                assertThat(results).extracting(Visits.Result::status).doesNotContain(Visits.Status.REFUSED);
                recorded += results.stream().filter(r -> r.status() == Visits.Status.RECORDED).count();
            }
            assertThat(recorded).isEqualTo(households.size());
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from screening_visit where round_id = ?").param(round).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select sum(visits) from screening_task where round_id = ?").param(round).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aVisitArrivingLateDoesNotUndoALaterOne() throws Exception {
        long round = openRound();
        long household = households(round, 1).get(0);
        Instant start = LocalDate.now(clock.withZone(CHINA)).atStartOfDay(CHINA).toInstant();
        var later = new Visits.Sent("late-2-" + UUID.randomUUID(), household, "VISITED", start.plusSeconds(20).toString(),
                Map.of("temperature", 36.5, "travelled", false));
        var earlier = new Visits.Sent("late-1-" + UUID.randomUUID(), household, "NOT_HOME", start.plusSeconds(10).toString(), null);
        visits.record(round, List.of(later), gridWorker());
        assertThat(visits.record(round, List.of(earlier), gridWorker())).extracting(Visits.Result::status).containsExactly(Visits.Status.RECORDED);
        assertThat(jdbc.sql("select state || visits from screening_task where round_id = ? and household_id = ?").params(round, household)
                .query(String.class).single()).isEqualTo("DONE2");
    }

    @Test
    void coverageAddsUpToABruteCountAtEveryLevel() throws Exception {
        long round = openRound();
        List<Long> households = households(round, 3);
        String at = Instant.now(clock).toString();
        send(round, visit("cov-" + UUID.randomUUID(), households.get(0), "VISITED", at, "{\"temperature\":39,\"travelled\":true}"),
                visit("cov-" + UUID.randomUUID(), households.get(1), "VISITED", at, "{\"temperature\":36,\"travelled\":true}"),
                visit("cov-" + UUID.randomUUID(), households.get(2), "NOT_HOME", at, null));
        Coverage.View community = coverage.view(round, null, planner());
        assertThat(community.unit().code()).isEqualTo(COMMUNITY);
        assertThat(community.totals()).isEqualTo(brute(round, "%"));
        assertThat(community.totals().anomaly()).isEqualTo(1);
        assertThat(community.totals().done()).isEqualTo(1);
        assertThat(community.totals().notHome()).isEqualTo(1);
        assertThat(community.children()).isNotEmpty();
        for (Coverage.Branch grid : community.children()) {
            assertThat(grid.counts()).as(grid.code()).isEqualTo(brute(round, "%/" + grid.code() + "/%"));
            Coverage.View view = coverage.view(round, grid.code(), planner());
            assertThat(view.totals()).isEqualTo(grid.counts());
            assertThat(view.children().stream().mapToLong(c -> c.counts().tasks()).sum()).isEqualTo(grid.counts().tasks());
        }
        assertThat(community.children().stream().mapToLong(c -> c.counts().tasks()).sum()).isEqualTo(community.totals().tasks());
        // the grid worker's list: walking order, with the states the visits set
        String grid = RegionPath.of(people.insideCompound().path()).ancestor(5);
        var tasks = coverage.tasks(round, RegionPath.of(grid).code(), gridWorker());
        assertThat(tasks).isNotEmpty();
        assertThat(tasks).extracting(Coverage.Task::compound).allMatch(name -> !name.matches("\\d+.*"));
        // a compound's property staff walk its households too, but which one had a fever is not theirs to know
        var contact = new Actor(null, "screening-test-contact", Set.of("COMPOUND_CONTACT"), Set.of("screening.read", "screening.visit"),
                Jurisdiction.of(RegionPath.of(people.insideCompound().path())));
        var seen = coverage.tasks(round, people.insideCompound().code(), contact).stream()
                .filter(t -> t.household() == households.get(0)).findFirst().orElseThrow();
        assertThat(seen.state()).isEqualTo("DONE");
        assertThat(coverage.tasks(round, people.insideCompound().code(), gridWorker()).stream()
                .filter(t -> t.household() == households.get(0)).findFirst().orElseThrow().state()).isEqualTo("ANOMALY");
        // a place outside the campaign is refused naming it
        assertThatThrownBy(() -> coverage.view(round, PopulationFixture.OUTSIDE, planner())).isInstanceOf(InvalidInput.class);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndVisitsOneByOne() throws Exception {
        var dispatcher = users.loadUserByUsername("dispatcher");
        var bad = mvc.perform(postApi("/api/screening/campaigns?lang=en").with(user(dispatcher)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unit\":\"510104\",\"name\":\"\",\"form\":{\"fields\":[{\"key\":\"1x\",\"label\":\"体温\",\"type\":\"NUMBER\"}]}}"))
                .andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("\"unit\"", "\"name\"", "form.fields[0].key", "Please name the campaign");

        long round = openRound();
        long household = households(round, 1).get(0);
        long outsider = jdbc.sql("select household_id from population_resident where id = ?").param(people.outside().id()).query(Long.class).single();
        String at = Instant.now(clock).toString();
        String answer = send(round, visit("short", household, "VISITED", at, "{\"temperature\":36}"),
                visit("bad-outside-" + UUID.randomUUID(), outsider, "VISITED", at, "{\"temperature\":36,\"travelled\":false}"),
                visit("bad-when-" + UUID.randomUUID(), household, "SLEEPING", "yesterday", "{}"),
                visit("good-" + UUID.randomUUID(), household, "VISITED", at, "{\"temperature\":36.4,\"travelled\":false}"));
        assertThat(answer).contains("\"recorded\":1,\"already\":0,\"refused\":3")
                .contains("\"field\":\"key\"", "\"field\":\"answers.travelled\"", "\"field\":\"household\"", "\"field\":\"outcome\"",
                        "\"field\":\"visitedAt\"", "请填写“14天内外出”");
        // the outside household answers like one that does not exist
        assertThat(answer).contains("本轮您负责的范围内没有住户 " + outsider);

        var tooMany = new StringBuilder("{\"visits\":[");
        for (int i = 0; i < 201; i++) {
            tooMany.append(i == 0 ? "" : ",").append(visit("many-" + i + "-" + UUID.randomUUID(), household, "REFUSED", at, null));
        }
        var big = mvc.perform(postApi("/api/screening/rounds/" + round + "/visits").with(user(users.loadUserByUsername("grid")))
                .contentType(MediaType.APPLICATION_JSON).content(tooMany + "]}")).andReturn().getResponse();
        assertThat(big.getStatus()).isEqualTo(400);
        assertThat(big.getContentAsString(StandardCharsets.UTF_8)).contains("\"visits\"");
        var typed = mvc.perform(postApi("/api/screening/rounds/" + round + "/visits").with(user(users.loadUserByUsername("grid")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"visits\":[{\"key\":\"abcdefgh\",\"household\":\"abc\"}]}")).andReturn().getResponse();
        assertThat(typed.getStatus()).isEqualTo(400);
        assertThat(typed.getContentAsString(StandardCharsets.UTF_8)).contains("visits[0].household");
        // no round of that id, and the list of a whole community: refused, never a server error
        assertThat(mvc.perform(get("/api/screening/rounds/987654321/coverage").with(user(dispatcher))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/api/screening/rounds/" + round + "/tasks?unit=" + COMMUNITY).with(user(users.loadUserByUsername("grid"))))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        // a round that would start before today, or overlap the last
        long campaign = rounds.get(round, planner()).campaignId();
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        assertThatThrownBy(() -> rounds.open(campaign, new Rounds.Schedule(today.minusDays(1), today), planner()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(v -> v.code())
                        .containsExactly("screening.round-starts-past"));
        assertThatThrownBy(() -> rounds.open(campaign, new Rounds.Schedule(today.plusDays(2), today.plusDays(5)), planner()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(v -> v.code())
                        .containsExactly("screening.round-overlaps"));
    }

    @Test
    void aNewFormVersionServesTheRoundsOpenedAfterIt() throws Exception {
        long round = openRound();
        long campaign = rounds.get(round, planner()).campaignId();
        var given = new VisitForm.Definition(List.of(new VisitForm.GivenField("cough", "咳嗽", "YES_NO", true, null, null)),
                List.of(new VisitForm.GivenRule("咳嗽", List.of(new VisitForm.GivenCondition("cough", "EQ", "是", null)))));
        var changed = campaigns.newForm(campaign, given, planner());
        assertThat(changed.formVersion()).isEqualTo(2);
        assertThat(rounds.get(round, planner()).formVersion()).isEqualTo(1);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        var second = rounds.open(campaign, new Rounds.Schedule(today.plusDays(4), today.plusDays(6)), planner());
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.formVersion()).isEqualTo(2);
        assertThat(campaigns.currentForm(campaign, planner()).fields()).extracting(VisitForm.Field::key).containsExactly("cough");
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder postApi(String url) {
        return post(url).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
    }

    /** What an outside look found: places above one's own, anomalies counted where a household can be told, keys, times, long answers. */
    @Test
    void nobodyReachesAboveTheirPlacesOrLearnsWhoHadAnAnomalyAndHostileInputIsRefused() throws Exception {
        long round = openRound();
        List<Long> households = households(round, 2);
        String at = Instant.now(clock).toString();
        send(round, visit("hostile-" + UUID.randomUUID(), households.get(0), "VISITED", at, "{\"temperature\":39,\"travelled\":false}"));
        // the hierarchy answers the places above one's own as a way down; they are not one's own
        String subdistrict = RegionPath.of(subdistrictPath).code();
        assertThatThrownBy(() -> coverage.view(round, subdistrict, gridWorker())).isInstanceOf(InvalidInput.class);
        String district = RegionPath.of(RegionPath.of(subdistrictPath).ancestor(2)).code();
        assertThatThrownBy(() -> campaigns.plan(new Campaigns.Plan(district, "越级排查", io.gongzhi.screening.internal.FormPresets.of("household", java.util.Locale.SIMPLIFIED_CHINESE)), planner()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(v -> v.code())
                        .containsExactly("screening.campaign-unit-not-own"));
        // a compound's property staff see how many were visited there, never how many had an anomaly
        var contact = new Actor(null, "screening-test-contact", Set.of("COMPOUND_CONTACT"), Set.of("screening.read", "screening.visit"),
                Jurisdiction.of(RegionPath.of(people.insideCompound().path())));
        var seen = coverage.view(round, null, contact).totals();
        assertThat(seen.anomaly()).isZero();
        assertThat(seen.done()).isEqualTo(coverage.view(round, people.insideCompound().code(), planner()).totals().reached());
        // one key for two households in one batch: the second is not taken for the first
        String key = "twice-" + UUID.randomUUID();
        assertThat(send(round, visit(key, households.get(0), "NOT_HOME", at, null),
                visit(key, households.get(1), "VISITED", at, "{\"temperature\":39,\"travelled\":false}")))
                .contains("\"recorded\":1,\"already\":0,\"refused\":1").contains("screening.visit-key-reused");
        // a time beyond the calendar, an answer that is an object, a missing household: refused, never a server error
        String odd = send(round, visit("far-" + UUID.randomUUID(), households.get(0), "NOT_HOME", "+999999999-12-31T23:59:59-18:00", null),
                visit("obj-" + UUID.randomUUID(), households.get(0), "VISITED", at, "{\"temperature\":{\"a\":[1]},\"travelled\":false}"),
                "{\"key\":\"nohouse-" + UUID.randomUUID() + "\",\"outcome\":\"REFUSED\",\"visitedAt\":\"" + at + "\"}");
        assertThat(odd).contains("\"refused\":3").contains("\"field\":\"visitedAt\"", "\"field\":\"answers.temperature\"",
                "screening.household-missing");
        // the longest answers a form allows are kept
        var fields = new ArrayList<VisitForm.GivenField>();
        var answers = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < 30; i++) {
            fields.add(new VisitForm.GivenField("t" + i, "说明" + i, "TEXT", true, null, null));
            answers.put("t" + i, "\"".repeat(200));
        }
        long wide = campaigns.plan(new Campaigns.Plan(COMMUNITY, "长回答", new VisitForm.Definition(fields, List.of())), planner()).id();
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        long wideRound = rounds.open(wide, new Rounds.Schedule(today, today), planner()).id();
        assertThat(visits.record(wideRound, List.of(new Visits.Sent("wide-" + UUID.randomUUID(), households.get(0), "VISITED", at, answers)),
                gridWorker())).extracting(Visits.Result::status).containsExactly(Visits.Status.RECORDED);
    }

    /** A client defining its own form reads its shape in the API description, not another record of the same simple name. */
    @Test
    void theApiDescriptionShowsTheFormsShape() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(docs);
        var schemas = json.path("components").path("schemas");
        assertThat(schemas.path("Definition").path("properties").has("fields")).isTrue();
        assertThat(schemas.path("GivenField").path("properties").has("shownIf")).isTrue();
        assertThat(schemas.path("Sent").path("properties").has("visitedAt")).isTrue();
    }

    List<Long> households(long round, int n) {
        return jdbc.sql("select household_id from screening_task where round_id = ? and path like ? order by household_id fetch first " + n + " rows only")
                .params(round, people.insideCompound().path()).query(Long.class).list();
    }

    Coverage.Counts brute(long round, String like) {
        Map<String, Long> by = new java.util.HashMap<>();
        jdbc.sql("select state, count(*) from screening_task where round_id = ? and path like ? group by state").params(round, like)
                .query(rs -> {
                    by.put(rs.getString(1), rs.getLong(2));
                });
        return new Coverage.Counts(by.values().stream().mapToLong(Long::longValue).sum(), by.getOrDefault("OPEN", 0L), by.getOrDefault("DONE", 0L),
                by.getOrDefault("ANOMALY", 0L), by.getOrDefault("NOT_HOME", 0L), by.getOrDefault("REFUSED", 0L));
    }

    static String visit(String key, long household, String outcome, String at, String answers) {
        return "{\"key\":\"" + key + "\",\"household\":" + household + ",\"outcome\":\"" + outcome + "\",\"visitedAt\":\"" + at + "\""
                + (answers == null ? "" : ",\"answers\":" + answers) + "}";
    }

    String send(long round, String... visitsJson) throws Exception {
        var response = mvc.perform(postApi("/api/screening/rounds/" + round + "/visits").with(user(users.loadUserByUsername("grid")))
                .contentType(MediaType.APPLICATION_JSON).content("{\"visits\":[" + String.join(",", visitsJson) + "]}")).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
