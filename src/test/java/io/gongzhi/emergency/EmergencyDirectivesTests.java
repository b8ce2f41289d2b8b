package io.gongzhi.emergency;

import io.gongzhi.emergency.internal.DirectiveProgress;
import io.gongzhi.emergency.internal.Directives;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Conflict;
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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A directive goes down the command chain to every unit below its issuer exactly once and to
 * nothing outside; a unit acknowledges once however often a phone retries; each level sees its
 * children's progress, with the silent ones counted once the deadline has passed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmergencyDirectivesTests {

    static final String DISTRICT = "510107";
    static final String SUBDISTRICT = "510107005";
    static final String COMMUNITY = "510107005001";

    @Autowired
    Directives directives;
    @Autowired
    io.gongzhi.emergency.internal.Answers answers;
    @Autowired
    DirectiveProgress progress;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    static Actor actor(String role, String path, String... permissions) {
        return new Actor(null, "directive-test-" + role.toLowerCase(), Set.of(role), Set.of(permissions), Jurisdiction.of(RegionPath.of(path)));
    }

    static final Actor WUHOU = actor("DISTRICT_COMMITTEE", "/5101/" + DISTRICT, "emergency.read", "directive.issue", "directive.acknowledge");
    static final Actor YULIN = actor("SUBDISTRICT_DISPATCHER", "/5101/" + DISTRICT + "/" + SUBDISTRICT, "emergency.read", "directive.issue",
            "directive.acknowledge");

    @BeforeEach
    void grids() {
        PopulationFixture.ensure(context);
    }

    Unit firstGrid() {
        return hierarchy.children(COMMUNITY).stream().filter(u -> u.level() == Level.GRID).findFirst().orElseThrow();
    }

    @Test
    void aDirectiveReachesEveryUnitBelowItsIssuerExactlyOnceAndNothingOutside() {
        var d = directives.issue(new Directives.Issue(DISTRICT, null, "封闭管理小区出入口", "各小区只保留一个出入口，测温登记", 2, 24), WUHOU);
        long expected = 0;
        for (Level level : List.of(Level.SUBDISTRICT, Level.COMMUNITY, Level.GRID, Level.COMPOUND)) {
            long atLevel = hierarchy.under(DISTRICT, level).size();
            expected += atLevel;
            assertThat(jdbc.sql("select count(*) from emergency_recipient r where directive_id = ? and depth = ?")
                    .params(d.id(), RegionPath.of(hierarchy.under(DISTRICT, level).get(0).path()).depth()).query(Long.class).single())
                    .as(level + ": every one of them").isEqualTo(atLevel);
        }
        assertThat(d.recipients()).isEqualTo((int) expected);
        assertThat(jdbc.sql("select count(distinct unit_code) from emergency_recipient where directive_id = ?").param(d.id()).query(Long.class).single())
                .as("each exactly once").isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from emergency_recipient where directive_id = ? and path not like '/5101/510107/%'").param(d.id())
                .query(Long.class).single()).as("nothing outside the district").isZero();

        var toCommunities = directives.issue(new Directives.Issue(SUBDISTRICT, "COMMUNITY", "社区排查", "今天完成辖区排查", 1, null), YULIN);
        assertThat(toCommunities.recipients()).as("down to the communities only").isEqualTo(hierarchy.under(SUBDISTRICT, Level.COMMUNITY).size());
    }

    @Test
    void aPlaceDirectsOnlyFromItsOwnPlacesAndBadInputIsRefusedFieldByField() {
        assertThatThrownBy(() -> directives.issue(new Directives.Issue("510104", null, "邻区", "内容", 2, null), WUHOU))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::where).containsExactly("unit"));
        assertThatThrownBy(() -> directives.issue(new Directives.Issue(DISTRICT, null, "上级", "内容", 2, null), YULIN))
                .as("a sub-district may not direct its district").isInstanceOf(InvalidInput.class);
        long before = jdbc.sql("select count(*) from emergency_directive").query(Long.class).single();
        assertThatThrownBy(() -> directives.issue(new Directives.Issue(SUBDISTRICT, "DISTRICT", " ", "", 0, 500), YULIN))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::where)
                        .containsExactlyInAnyOrder("downTo", "title", "body", "ackHours", "reportHours"));
        assertThat(jdbc.sql("select count(*) from emergency_directive").query(Long.class).single()).as("nothing issued").isEqualTo(before);
    }

    @Test
    void aUnitAcknowledgesOnceHoweverOftenAPhoneRetries() throws Exception {
        var d = directives.issue(new Directives.Issue(SUBDISTRICT, null, "测温登记", "各小区门口测温登记", 2, null), YULIN);
        Unit grid = firstGrid();
        Actor worker = actor("GRID_WORKER", grid.path(), "emergency.read", "directive.acknowledge");
        int mine = answers.mine(d.id(), worker).size();
        assertThat(mine).as("the grid and its compounds").isEqualTo(1 + hierarchy.under(grid.code(), Level.COMPOUND).size());

        var pool = Executors.newFixedThreadPool(16);
        var calls = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 100; i++) {
            calls.add(() -> answers.acknowledge(d.id(), List.of(), worker));
        }
        int acknowledged = 0;
        for (Future<Integer> f : pool.invokeAll(calls)) {
            acknowledged += f.get();
        }
        pool.shutdown();
        assertThat(acknowledged).as("each unit acknowledged by exactly one of the 100 calls").isEqualTo(mine);
        assertThat(answers.mine(d.id(), worker)).allSatisfy(r -> assertThat(r.acknowledgedAt()).isNotNull());
        assertThat(answers.acknowledge(d.id(), List.of(), worker)).as("a retry later").isZero();
        assertThatThrownBy(() -> answers.acknowledge(d.id(), java.util.Collections.nCopies(1001, grid.code()), worker))
                .as("a list longer than any phone sends").isInstanceOf(InvalidInput.class);

        Actor communityWorker = actor("COMMUNITY_WORKER", hierarchy.unit(COMMUNITY).path(), "emergency.read");
        var tree = progress.tree(d.id(), COMMUNITY, communityWorker);
        var branch = tree.children().stream().filter(b -> b.code().equals(grid.code())).findFirst().orElseThrow();
        assertThat(branch.counts().acknowledged()).as("the grid and its compounds").isEqualTo(mine);
        assertThat(branch.name()).isEqualTo(grid.displayName());
        assertThat(tree.chain()).extracting(Unit::code).as("a community worker climbs no higher than the community").containsExactly(COMMUNITY);
        assertThat(progress.tree(d.id(), COMMUNITY, YULIN).chain()).extracting(Unit::code).as("from the issuer down to the place looked at")
                .containsExactly(SUBDISTRICT, COMMUNITY);
        assertThat(progress.tree(d.id(), null, YULIN).totals().silent()).as("nobody is late before the deadline").isZero();

        jdbc.sql("update emergency_directive set ack_due = ? where id = ?").params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), d.id()).update();
        var late = progress.tree(d.id(), null, YULIN);
        assertThat(late.unit().code()).as("the issuer's own view").isEqualTo(SUBDISTRICT);
        assertThat(late.totals().total()).isEqualTo(d.recipients());
        assertThat(late.totals().silent()).as("past the deadline the silent ones count").isEqualTo(d.recipients() - mine);
        assertThat(late.children().get(0).counts().silent()).as("the least answered first").isPositive();
        assertThat(late.children().get(late.children().size() - 1).code()).as("the community that answered comes last").isEqualTo(COMMUNITY);
        assertThatThrownBy(() -> progress.tree(d.id(), "510107005002", actor("COMMUNITY_WORKER", hierarchy.unit(COMMUNITY).path(), "emergency.read")))
                .as("another community answers as not there").isInstanceOf(NotFound.class);
    }

    @Test
    void aUnitReportsOnceTheSameReportAgainIsAcceptedAnotherIsRefused() {
        var d = directives.issue(new Directives.Issue(SUBDISTRICT, "COMMUNITY", "上报返蓉人员", "今天 18 点前上报返蓉人员数", 1, 2), YULIN);
        Actor community = actor("COMMUNITY_WORKER", hierarchy.unit(COMMUNITY).path(), "emergency.read", "directive.acknowledge");
        assertThatThrownBy(() -> answers.report(d.id(), COMMUNITY, " ", community)).isInstanceOf(InvalidInput.class);
        answers.report(d.id(), COMMUNITY, "返蓉 12 人，均已登记", community);
        answers.report(d.id(), COMMUNITY, "返蓉 12 人，均已登记", community);
        assertThatThrownBy(() -> answers.report(d.id(), COMMUNITY, "返蓉 13 人", community)).isInstanceOf(Conflict.class);
        var mine = answers.mine(d.id(), community);
        assertThat(mine).singleElement().satisfies(r -> {
            assertThat(r.reportedAt()).isNotNull();
            assertThat(r.acknowledgedAt()).as("a report acknowledges too").isNotNull();
            assertThat(r.report()).isEqualTo("返蓉 12 人，均已登记");
        });
        assertThatThrownBy(() -> answers.report(d.id(), "510107005002", "别的社区", community)).isInstanceOf(NotFound.class);
        var ackOnly = directives.issue(new Directives.Issue(SUBDISTRICT, "COMMUNITY", "知悉", "请知悉", 1, null), YULIN);
        assertThatThrownBy(() -> answers.report(ackOnly.id(), COMMUNITY, "知道了", community)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aGridWorkersHomeAndInboxShowWhatToAcknowledgeAndOneTapDoesIt() throws Exception {
        var d = directives.issue(new Directives.Issue(SUBDISTRICT, null, "排查出租屋", "逐户排查出租屋居住人员", 2, null), YULIN);
        var grid = users.loadUserByUsername("grid");
        String home = mvc.perform(get("/").with(user(grid))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("待签收的指令").contains("href=\"/emergency/directives\"");
        String inbox = mvc.perform(get("/emergency/directives").with(user(grid))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(inbox).contains("排查出租屋").contains("id=\"acknowledge-" + d.id() + "\"");
        var done = mvc.perform(post("/emergency/directives/" + d.id() + "/acknowledge").with(user(grid)).with(csrf())).andReturn().getResponse();
        assertThat(done.getRedirectedUrl()).matches("/emergency/directives/" + d.id() + "\\?done=acknowledged&count=[1-9]\\d*");
        String page = mvc.perform(get("/emergency/directives/" + d.id() + "?lang=en").with(user(grid))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("id=\"acknowledge-all\"").contains("Acknowledged");
        var outsider = mvc.perform(get("/api/emergency/directives/" + d.id()).with(user(users.loadUserByUsername("district")))).andReturn().getResponse();
        assertThat(outsider.getStatus()).as("the district above reads it").isEqualTo(200);
        var bad = mvc.perform(post("/api/emergency/directives?lang=en").with(user(users.loadUserByUsername("dispatcher"))).with(csrf())
                .contentType("application/json").content("{\"unit\":\"510107005\",\"title\":\"\",\"body\":\"x\",\"ackHours\":99}")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("\"title\"").contains("\"ackHours\"").contains("between 1 and 72");
    }
}
