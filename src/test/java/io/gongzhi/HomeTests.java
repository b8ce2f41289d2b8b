package io.gongzhi;

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
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Each person's home shows what waits for them, with counts that lead to where they act, and
 * those who dispatch or steer see their area's figures as charts with names, not codes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void people() {
        PopulationFixture.ensure(context);
    }

    String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username)))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The count a home tile shows for {@code label}, leading to {@code href}; -1 when there is no such tile. */
    static long tile(String home, String href, String label) {
        var m = Pattern.compile("<a class=\"tile\" href=\"" + Pattern.quote(href.replace("&", "&amp;")) + "\">\\s*<strong class=\"figure\">(\\d+)</strong>\\s*<span>"
                + Pattern.quote(label) + "</span>").matcher(home);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    long report(String description) throws Exception {
        var done = mvc.perform(post("/cases/new").param("category", "E0103").param("description", description).param("place", "510107005001")
                .with(user(users.loadUserByUsername("grid"))).with(csrf())).andReturn().getResponse();
        return Long.parseLong(done.getRedirectedUrl().replaceAll("\\D*(\\d+).*", "$1"));
    }

    @Test
    void thoseWhoReportStartAReportFromTheirHome() throws Exception {
        // the first button, unless a directive waits to be acknowledged or a screening round runs over the grid worker's place
        // (other tests leave some): then that comes first
        assertThat(page("grid", "/")).contains("href=\"/cases/new\">上报问题</a>")
                .containsPattern("<a class=\"button primary\" href=\"(/cases/new\">上报问题|/emergency/directives/\\d+\">签收指令：[^<]+"
                        + "|/screening/rounds/\\d+/visit\">走访：[^<]+)</a>");
        assertThat(page("resident", "/?lang=en")).contains("href=\"/cases/new\">Report a problem</a>");
        assertThat(page("auditor", "/")).doesNotContain("/cases/new").doesNotContain("id=\"starts\"");
    }

    @Test
    void aNewReportIsCountedOnTheDispatchersHomeAndLeavesItOnceAccepted() throws Exception {
        long before = Math.max(0, tile(page("dispatcher", "/"), "/cases?todo=true&state=REPORTED", "待受理的案件"));
        long id = report("首页待办测试：楼道堆物");
        String home = page("dispatcher", "/");
        assertThat(tile(home, "/cases?todo=true&state=REPORTED", "待受理的案件")).isEqualTo(before + 1);
        assertThat(page("dispatcher", "/cases?todo=true&state=REPORTED")).as("the tile leads to it").contains("首页待办测试：楼道堆物");

        mvc.perform(post("/cases/" + id + "/steps").param("action", "accept").with(user(users.loadUserByUsername("dispatcher"))).with(csrf()));
        home = page("dispatcher", "/");
        assertThat(tile(home, "/cases?todo=true&state=REPORTED", "待受理的案件")).isEqualTo(before == 0 ? -1 : before);
        assertThat(tile(home, "/cases?todo=true&state=ACCEPTED", "待派遣的案件")).isPositive();
    }

    @Test
    void theDispatchersHomeDrawsTheAreasCasesByStateDepartmentAndDay() throws Exception {
        report("首页图表测试：井盖松动");
        String home = page("dispatcher", "/");
        assertThat(home).contains("id=\"chart-cases-by-state\"").contains("id=\"chart-cases-by-department\"").contains("id=\"chart-cases-by-day\"")
                .contains("在办案件（按状态）").contains("data-kind=\"bar\"").contains("data-kind=\"line\"")
                .contains("待受理").doesNotContain(">REPORTED<").containsPattern("在办 \\d+ 件 · 超期 \\d+ 件")
                .contains("/webjars/echarts/").contains("/js/home-charts.js");
        assertThat(page("dispatcher", "/?lang=en")).contains("Open cases by state").contains("waiting to be accepted")
                .containsPattern("\\d+ open · \\d+ overdue");
        assertThat(page("grid", "/")).as("a grid worker steers nothing").doesNotContain("id=\"charts\"");
    }

    @Test
    void aGridWorkerSeesTheVisitsDueAndAResidentWithNothingWaitingIsToldSo() throws Exception {
        // the fixture's inside resident is in a care group and has never been visited
        assertThat(tile(page("grid", "/"), "/grid", "待走访的关爱对象")).isPositive();
        long resident = jdbc.sql("select id from identity_account where username = 'resident'").query(Long.class).single();
        jdbc.sql("update identity_notice set read_at = current_timestamp where account_id = :a").param("a", resident).update();
        jdbc.sql("update casework_case set rating = 'SATISFIED' where reporter_account = :a and state = 'CLOSED' and rating is null")
                .param("a", resident).update();
        assertThat(page("resident", "/")).contains("目前没有等您处理的事项").doesNotContain("class=\"tile\"");
        assertThat(page("resident", "/?lang=en")).contains("Nothing is waiting for you right now.");
    }

    @Test
    void theHomeNamesTheRolesAndNoLongerSaysTheModulesAreComing() throws Exception {
        String home = page("city", "/");
        assertThat(home).contains("王敏，您好").doesNotContain("陆续上线").doesNotContain("CITY_COMMITTEE");
    }
}
