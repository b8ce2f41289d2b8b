package io.gongzhi.emergency;

import io.gongzhi.emergency.internal.AcknowledgementCurves;
import io.gongzhi.emergency.internal.Amendments;
import io.gongzhi.emergency.internal.Answers;
import io.gongzhi.emergency.internal.DirectiveProgress;
import io.gongzhi.emergency.internal.Directives;
import io.gongzhi.emergency.internal.Reminders;
import io.gongzhi.emergency.internal.ReportForm;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.Notices;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotPermitted;
import io.gongzhi.shared.Violation;
import io.gongzhi.support.PopulationFixture;
import org.awaitility.Awaitility;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.gongzhi.emergency.EmergencyDirectivesTests.COMMUNITY;
import static io.gongzhi.emergency.EmergencyDirectivesTests.SUBDISTRICT;
import static io.gongzhi.emergency.EmergencyDirectivesTests.YULIN;
import static io.gongzhi.emergency.EmergencyDirectivesTests.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Directives to chosen units, reported on a form the issuer defined and summed up the chain;
 * the people who answer for the units hear that a directive came, are reminded before its
 * deadline and told of amendments; a follow-up reaches the units that had not answered.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmergencyDirectiveFormsTests {

    @Autowired
    Directives directives;
    @Autowired
    Answers answers;
    @Autowired
    Amendments amendments;
    @Autowired
    Reminders reminders;
    @Autowired
    DirectiveProgress progress;
    @Autowired
    AcknowledgementCurves curves;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    Notices notices;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    static final Actor COMMUNITY_WORKER = actor("COMMUNITY_WORKER", "/5101/510107/" + SUBDISTRICT + "/" + COMMUNITY, "emergency.read",
            "directive.acknowledge");

    @BeforeEach
    void grids() {
        PopulationFixture.ensure(context);
    }

    static Directives.Issue issue(List<String> units, String title, Integer reportHours, List<ReportForm.Given> form) {
        return new Directives.Issue(SUBDISTRICT, null, units, title, "内容：" + title, 2, reportHours, null, null, form);
    }

    @Test
    void aDirectiveToChosenUnitsReachesThemAndWhatIsUnderThemOnly() throws Exception {
        var d = directives.issue(issue(List.of(COMMUNITY), "只发玉林北路社区", null, null), YULIN);
        long expected = 1 + hierarchy.pathsUnder(COMMUNITY, Level.COMPOUND).size();
        assertThat(d.recipients()).isEqualTo((int) expected);
        assertThat(d.scope()).containsExactly(COMMUNITY);
        String path = hierarchy.unit(COMMUNITY).path();
        assertThat(jdbc.sql("select count(*) from emergency_recipient where directive_id = ? and path <> ? and path not like ?")
                .params(d.id(), path, path + "/%").query(Long.class).single()).as("nothing beside the chosen community").isZero();

        String page = mvc.perform(get("/emergency/directives/" + d.id()).with(user(users.loadUserByUsername("dispatcher"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).as("the page names where it went").contains("发往：" + hierarchy.unit(COMMUNITY).displayName());
        var beside = actor("COMMUNITY_WORKER", hierarchy.unit("510107005002").path(), "emergency.read", "directive.acknowledge");
        assertThatThrownBy(() -> directives.visible(d.id(), beside)).as("a community it was not sent to does not read it")
                .isInstanceOf(io.gongzhi.shared.NotFound.class);
        assertThat(directives.visible(d.id(), COMMUNITY_WORKER).id()).isEqualTo(d.id());

        assertThatThrownBy(() -> directives.issue(issue(List.of("510104001", COMMUNITY), "别处", null, null), YULIN))
                .as("a unit outside the issuer").isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(Violation::where, Violation::args).containsExactly(org.assertj.core.groups.Tuple.tuple("units", List.of("510104001"))));
        assertThatThrownBy(() -> directives.issue(new Directives.Issue(SUBDISTRICT, "COMMUNITY", List.of(firstGridCode()), "太低", "内容", 2, null,
                null, null, null), YULIN)).as("a unit below the level it goes down to").isInstanceOf(InvalidInput.class);
    }

    String firstGridCode() {
        return hierarchy.children(COMMUNITY).stream().filter(u -> u.level() == Level.GRID).findFirst().orElseThrow().code();
    }

    @Test
    void unitsReportOnTheIssuersFormAndTheFiguresAreSummedAboveThem() throws Exception {
        var form = List.of(new ReportForm.Given("出入口已封闭", "YES_NO", true), new ReportForm.Given("返回人员人数", "number", true),
                new ReportForm.Given("其他情况", "TEXT", false), new ReportForm.Given(" ", null, null));
        var d = directives.issue(new Directives.Issue(SUBDISTRICT, "COMMUNITY", null, "上报封闭情况", "各社区报告", 1, 4, null, null, form), YULIN);
        assertThat(d.form().fields()).extracting(ReportForm.Field::key, ReportForm.Field::label, ReportForm.Field::type)
                .as("blank rows are skipped, keys given in order").containsExactly(
                        org.assertj.core.groups.Tuple.tuple("f1", "出入口已封闭", ReportForm.Type.YES_NO),
                        org.assertj.core.groups.Tuple.tuple("f2", "返回人员人数", ReportForm.Type.NUMBER),
                        org.assertj.core.groups.Tuple.tuple("f3", "其他情况", ReportForm.Type.TEXT));

        assertThatThrownBy(() -> answers.report(d.id(), COMMUNITY, Map.of("f2", "-3", "f9", "x"), "", COMMUNITY_WORKER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::where)
                        .containsExactlyInAnyOrder("values.f1", "values.f2", "values.f9"));
        assertThat(answers.mine(d.id(), COMMUNITY_WORKER)).singleElement().satisfies(r -> assertThat(r.reportedAt()).as("nothing kept").isNull());

        var community = user(users.loadUserByUsername("community"));
        String onPhone = mvc.perform(get("/emergency/directives/" + d.id()).with(community)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(onPhone).contains("出入口已封闭").contains("name=\"f1\"").contains("name=\"f2\"").contains("type=\"number\"");
        String refused = mvc.perform(post("/emergency/directives/" + d.id() + "/report").with(community).with(csrf())
                .param("unit", COMMUNITY).param("f2", "很多")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).as("the page again, each field's problem beside it").contains("请填写“出入口已封闭”").contains("“返回人员人数”应为 0 或正整数")
                .contains("value=\"很多\"");
        var done = mvc.perform(post("/emergency/directives/" + d.id() + "/report").with(community).with(csrf())
                .param("unit", COMMUNITY).param("f1", "1").param("f2", "12").param("report", "")).andReturn().getResponse();
        assertThat(done.getRedirectedUrl()).isEqualTo("/emergency/directives/" + d.id() + "?done=reported");
        answers.report(d.id(), COMMUNITY, Map.of("f1", "是", "f2", "12"), null, COMMUNITY_WORKER);
        answers.report(d.id(), COMMUNITY, Map.of("f1", "yes", "f2", "12"), "", COMMUNITY_WORKER);
        assertThatThrownBy(() -> answers.report(d.id(), COMMUNITY, Map.of("f1", "1", "f2", "13"), "", COMMUNITY_WORKER))
                .as("another report").isInstanceOf(Conflict.class);
        var other = actor("COMMUNITY_WORKER", hierarchy.unit("510107005002").path(), "emergency.read", "directive.acknowledge");
        answers.report(d.id(), "510107005002", Map.of("f1", "0", "f2", "5", "f3", "一个出入口待改造"), "明天完成", other);

        assertThat(answers.mine(d.id(), COMMUNITY_WORKER)).singleElement().satisfies(r -> assertThat(r.values()).containsEntry("f1", "1")
                .containsEntry("f2", "12").doesNotContainKey("f3"));
        var figures = progress.tree(d.id(), null, YULIN).figures();
        assertThat(figures).extracting(f -> f.field().key(), DirectiveProgress.Figure::sum, DirectiveProgress.Figure::answered).containsExactly(
                org.assertj.core.groups.Tuple.tuple("f1", 1L, 2L), org.assertj.core.groups.Tuple.tuple("f2", 17L, 2L));

        var curve = curves.of(d, hierarchy.unit(SUBDISTRICT).path(), d.recipients());
        assertThat(curve.points()).isNotEmpty();
        assertThat(curve.points().get(curve.points().size() - 1)).as("by the end of the curve both have answered")
                .satisfies(p -> {
                    assertThat(p.acknowledged()).isEqualTo(2);
                    assertThat(p.reported()).isEqualTo(2);
                });

        assertThatThrownBy(() -> directives.issue(new Directives.Issue(SUBDISTRICT, null, null, "表单无时限", "x", 1, null, null, null,
                List.of(new ReportForm.Given("x".repeat(41), "DATE", true))), YULIN))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::where)
                        .containsExactlyInAnyOrder("form[0].label", "form[0].type", "reportHours"));
    }

    @Test
    void theUnitsHearOfADirectiveAreRemindedBeforeItsDeadlineAndToldOfAmendments() throws Exception {
        var d = directives.issue(issue(null, "提醒测试：张贴告示", null, null), YULIN);
        long grid = accounts.find("grid").orElseThrow().id();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(notices.of(grid, true, 50)).as("the grid worker hears it came")
                        .anySatisfy(n -> {
                            assertThat(n.code()).isEqualTo("notice.directive.issued");
                            assertThat(n.link()).isEqualTo("/emergency/directives/" + d.id());
                        }));

        assertThat(d.remindMinutes()).as("an hour before, unless told").isEqualTo(60);
        reminders.sweep(d.ackDue().minus(Duration.ofMinutes(61)));
        assertThat(reminded(d.id())).as("not yet").isFalse();
        reminders.sweep(d.ackDue().minus(Duration.ofMinutes(59)));
        assertThat(reminded(d.id())).isTrue();
        assertThat(notices.of(grid, true, 50)).as("the grid worker's units are silent: reminded")
                .anySatisfy(n -> assertThat(n.code() + n.link()).isEqualTo("notice.directive.remind/emergency/directives/" + d.id()));

        assertThatThrownBy(() -> amendments.amend(d.id(), new Amendments.Amend("", 0, null, "无"), YULIN))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::where).contains("addition"));
        assertThatThrownBy(() -> amendments.amend(d.id(), new Amendments.Amend("补充", null, null, "原因"), COMMUNITY_WORKER))
                .as("only the issuing place amends").isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> amendments.amend(d.id(), new Amendments.Amend("", null, 5, "无落实时限"), YULIN))
                .as("no report asked for: no deadline to move").isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.violations()).extracting(Violation::where).contains("extendReportHours"));
        var amended = amendments.amend(d.id(), new Amendments.Amend("告示贴在单元门口", 2, null, "雨天，延后两小时"), YULIN);
        assertThat(amended.ackDue()).isEqualTo(d.ackDue().plus(Duration.ofHours(2)));
        assertThat(amended.amendments()).isEqualTo(1);
        assertThat(reminded(d.id())).as("a later deadline is reminded of again").isFalse();
        assertThat(amendments.of(d.id())).singleElement().satisfies(a -> {
            assertThat(a.addition()).isEqualTo("告示贴在单元门口");
            assertThat(a.reason()).isEqualTo("雨天，延后两小时");
        });
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(notices.of(grid, true, 50)).anySatisfy(n -> assertThat(n.code() + n.link())
                        .isEqualTo("notice.directive.amended/emergency/directives/" + d.id())));

        String page = mvc.perform(get("/emergency/directives/" + d.id()).with(user(users.loadUserByUsername("dispatcher"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("告示贴在单元门口").contains("id=\"curve-none\"").contains("id=\"do-follow-up\"")
                .as("the issuing place follows its directive, it does not answer it").doesNotContain("id=\"acknowledge-all\"");
    }

    boolean reminded(long id) {
        return jdbc.sql("select reminded_at from emergency_directive where id = ?").param(id).query(java.sql.Timestamp.class).optional().isPresent();
    }

    @Test
    void aFollowUpGoesToTheUnitsThatHadNotAcknowledged() throws Exception {
        var d = directives.issue(issue(null, "跟进测试：登记返回人员", null, null), YULIN);
        int answered = answers.acknowledge(d.id(), List.of(), COMMUNITY_WORKER);
        assertThat(answered).isPositive();
        var followUp = directives.followUp(d.id(), new Directives.FollowUp("UNACKNOWLEDGED", "请尽快签收", "还没有签收的单位请尽快签收", 1, null, null,
                null, null), YULIN);
        assertThat(followUp.follows()).isEqualTo(d.id());
        assertThat(followUp.recipients()).isEqualTo(d.recipients() - answered);
        assertThat(directives.followUps(d.id())).extracting(Directives.Directive::id).containsExactly(followUp.id());
        assertThat(jdbc.sql("select count(*) from emergency_recipient f join emergency_recipient o on o.directive_id = ? and o.unit_code = f.unit_code"
                + " where f.directive_id = ? and o.acknowledged_at is not null").params(d.id(), followUp.id()).query(Long.class).single())
                .as("none that had acknowledged").isZero();

        String page = mvc.perform(get("/emergency/directives/" + d.id() + "?lang=en").with(user(users.loadUserByUsername("dispatcher"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"curve\"").doesNotContain("id=\"curve-none\"").contains("Follow-ups:");
        assertThat(curves.of(d, hierarchy.unit(SUBDISTRICT).path(), d.recipients()).points()).first().as("none at the issue")
                .satisfies(p -> assertThat(p.acknowledged()).isZero());

        var bad = mvc.perform(post("/api/emergency/directives/" + d.id() + "/follow-ups?lang=en").with(user(users.loadUserByUsername("dispatcher")))
                .with(csrf()).contentType("application/json").content("{\"audience\":\"SOME\",\"title\":\"t\",\"body\":\"b\",\"ackHours\":1,"
                        + "\"form\":[{\"label\":\"x\",\"type\":\"COLOUR\"}]}")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("\"audience\"").contains("\"form[0].type\"")
                .contains("yes/no, number or text");
        var report = mvc.perform(post("/api/emergency/directives/" + d.id() + "/reports").with(user(users.loadUserByUsername("dispatcher"))).with(csrf())
                .contentType("application/json").content("{\"unit\":\"510107005\",\"values\":{\"f1\":\"1\"}}")).andReturn().getResponse();
        assertThat(report.getStatus()).as("no report asked for, no such field").isEqualTo(400);
    }

    @Test
    void filesGoWithADirectiveAndAJunkFileIssuesNothing() throws Exception {
        var dispatcher = user(users.loadUserByUsername("dispatcher"));
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        long before = jdbc.sql("select count(*) from emergency_directive").query(Long.class).single();
        String refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/emergency/directives")
                        .file(new org.springframework.mock.web.MockMultipartFile("files", "通知.pdf", "application/pdf", "#!/bin/sh rm -rf /".getBytes()))
                        .param("unit", SUBDISTRICT).param("title", "附件测试：假文件").param("body", "见附件").param("ackHours", "2")
                        .with(dispatcher).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("“通知.pdf”不是 PDF 文件或 JPEG、PNG、WebP 图片").contains("value=\"附件测试：假文件\"");
        assertThat(jdbc.sql("select count(*) from emergency_directive").query(Long.class).single()).as("nothing issued").isEqualTo(before);

        var issued = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/emergency/directives")
                        .file(new org.springframework.mock.web.MockMultipartFile("files", "C:\\文件\\防控通知.pdf", "application/pdf", pdf))
                        .param("unit", SUBDISTRICT).param("title", "附件测试：防控通知").param("body", "见附件").param("ackHours", "2")
                        .with(dispatcher).with(csrf()))
                .andReturn().getResponse();
        assertThat(issued.getRedirectedUrl()).matches("/emergency/directives/\\d+\\?done=issued");
        long id = Long.parseLong(issued.getRedirectedUrl().replaceAll("\\D+(\\d+).*", "$1"));
        var page = mvc.perform(get("/emergency/directives/" + id).with(user(users.loadUserByUsername("grid")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).as("the name without the sender's folders").contains(">防控通知.pdf</a>");
        String link = page.replaceAll("(?s).*href=\"(/emergency/directives/" + id + "/files/\\d+)\".*", "$1");
        var file = mvc.perform(get(link).with(user(users.loadUserByUsername("grid")))).andReturn().getResponse();
        assertThat(file.getContentType()).isEqualTo("application/pdf");
        assertThat(file.getContentAsByteArray()).isEqualTo(pdf);
        assertThat(mvc.perform(get(link.replace("/files/", "/files/9")).with(user(users.loadUserByUsername("grid")))).andReturn().getResponse()
                .getStatus()).as("no such file").isEqualTo(404);
    }
}
