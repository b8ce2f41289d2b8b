package io.gongzhi.casework;

import io.gongzhi.geography.Hierarchy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The dispatcher console: one step on many cases at once, and the open cases on a map, each inside the caller's area. */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Hierarchy hierarchy;

    ApiCalls.Answer call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return new ApiCalls(mvc, users).call(username, request);
    }

    long report(String username, String body) throws Exception {
        var reported = call(username, post("/api/cases").content(body));
        assertThat(reported.status()).isEqualTo(201);
        return reported.body().get("id").asLong();
    }

    String state(long id) {
        return jdbc.sql("select state from casework_case where id = ?").param(id).query(String.class).single();
    }

    @Test
    void theDispatcherAcceptsAndDispatchesAScreenfulAndEveryRefusalIsExplained() throws Exception {
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 4; i++) {
            ids.add(report("grid", "{\"category\": \"E0101\", \"description\": \"批量测试垃圾 " + i + "\", \"place\": \"510107005001\"}"));
        }
        long other = report("resident", "{\"category\": \"E0101\", \"description\": \"别的街道的垃圾\", \"place\": \"510107009001\"}");
        assertThat(call("dispatcher", post("/api/cases/" + ids.get(0) + "/steps").content("{\"action\": \"accept\"}")).status()).isEqualTo(200);

        var accepted = call("dispatcher", post("/api/cases/bulk-steps").content(
                "{\"ids\": " + List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), other, 99_999_999L) + ", \"action\": \"accept\"}"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().findValuesAsString("code")).as("only refusals carry a code")
                .containsExactly("casework.not-now", "casework.case-not-found", "casework.case-not-found");
        assertThat(accepted.body().get(0).get("message").asString()).isEqualTo("案件当前为“已立案”，不能执行“受理立案”");
        assertThat(accepted.body().get(1).get("done").asBoolean()).isTrue();
        assertThat(accepted.body().get(1).get("state").asString()).isEqualTo("accepted");
        assertThat(accepted.body().get(4).get("done").asBoolean()).as("another sub-district's case answers like a missing one").isFalse();
        assertThat(ids.stream().map(this::state)).containsOnly("ACCEPTED");
        assertThat(state(other)).isEqualTo("REPORTED");

        var dispatched = call("dispatcher", post("/api/cases/bulk-steps?lang=en").content(
                "{\"ids\": " + ids + ", \"action\": \"dispatch\", \"department\": \"city-management\"}"));
        assertThat(dispatched.body().findValuesAsString("state")).containsOnly("dispatched").hasSize(4);
        assertThat(jdbc.sql("select count(*) from casework_step where action = 'DISPATCH' and case_id in (:ids)").param("ids", ids)
                .query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'case.dispatch' and object in (:o)")
                .param("o", ids.stream().map(id -> "case:" + id).toList()).query(Long.class).single()).as("each case audited").isEqualTo(4);

        var noDepartment = call("dispatcher", post("/api/cases/bulk-steps?lang=en").content(
                "{\"ids\": [" + ids.get(0) + "], \"action\": \"close\"}"));
        assertThat(noDepartment.body().get(0).get("code").asString()).isEqualTo("casework.not-your-step");
        assertThat(noDepartment.body().get(0).get("message").asString()).isEqualTo("This step is not yours to take");
    }

    @Test
    void badBulkRequestsAreRefusedWholeAndOnlyStaffMayAsk() throws Exception {
        var none = call("dispatcher", post("/api/cases/bulk-steps").content("{\"ids\": [], \"action\": \"accept\"}"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().get("errors").findValuesAsString("code")).containsExactly("casework.required");
        String many = LongStream.rangeClosed(1, Cases.MAX_BULK + 1).mapToObj(Long::toString).collect(Collectors.joining(","));
        var tooMany = call("dispatcher", post("/api/cases/bulk-steps?lang=en").content("{\"ids\": [" + many + "], \"action\": \"accept\"}"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("errors").findValuesAsString("message")).containsExactly("At most 200 cases at once");
        var unknown = call("dispatcher", post("/api/cases/bulk-steps").content("{\"ids\": [1], \"action\": \"launch\"}"));
        assertThat(unknown.body().get("errors").findValuesAsString("code")).containsExactly("casework.action-unknown");
        assertThat(call("grid", post("/api/cases/bulk-steps").content("{\"ids\": [1], \"action\": \"accept\"}")).status()).isEqualTo(403);
    }

    @Test
    void theBulkFormOnTheQueueSaysWhatWasDoneAndWhatWasRefused() throws Exception {
        long a = report("grid", "{\"category\": \"E0103\", \"description\": \"页面批量一\", \"place\": \"510107005001\"}");
        long b = report("grid", "{\"category\": \"E0103\", \"description\": \"页面批量二\", \"place\": \"510107005001\"}");
        call("dispatcher", post("/api/cases/" + b + "/steps").content("{\"action\": \"reject\", \"note\": \"重复\"}"));
        var result = mvc.perform(post("/cases/bulk").with(user(users.loadUserByUsername("dispatcher"))).with(csrf())
                .param("ids", Long.toString(a), Long.toString(b)).param("action", "accept").param("overdue", "false"))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cases");
        assertThat(result.getFlashMap().get("bulkDone")).isEqualTo(1);
        assertThat((List<?>) result.getFlashMap().get("bulkRefused")).singleElement().asString().startsWith("#" + b + " ").contains("不予受理");
        assertThat(state(a)).isEqualTo("ACCEPTED");

        var session = result.getResponse().getCookie("SESSION");
        assertThat(session).as("the outcome waits in the session for the next page").isNotNull();
        var page = mvc.perform(get("/cases").with(user(users.loadUserByUsername("dispatcher"))).cookie(session))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("已办理 1 件").contains("1 件未能办理").contains("id=\"bulk-apply\"");
        var nothing = mvc.perform(post("/cases/bulk").with(user(users.loadUserByUsername("dispatcher"))).with(csrf()).param("action", "accept"))
                .andReturn();
        assertThat(nothing.getFlashMap().get("bulkError")).isEqualTo("请先勾选要办理的案件");
        var gridQueue = mvc.perform(get("/cases").with(user(users.loadUserByUsername("grid")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(gridQueue).as("a grid worker takes no bulk steps").doesNotContain("id=\"bulk\"");
    }

    List<String> departments(long id) {
        return jdbc.sql("select department || ':' || role from casework_case_department where case_id = ? order by role desc, department")
                .param(id).query(String.class).list();
    }

    @Test
    void theBulkFormDispatchesToALeadAndCoHandlersAndKeepsTheChoiceWhenRefused() throws Exception {
        long a = report("grid", "{\"category\": \"E0103\", \"description\": \"批量协办一\", \"place\": \"510107005001\"}");
        long b = report("grid", "{\"category\": \"E0103\", \"description\": \"批量协办二\", \"place\": \"510107005001\"}");
        for (long id : List.of(a, b)) {
            call("dispatcher", post("/api/cases/" + id + "/steps").content("{\"action\": \"accept\"}"));
        }
        var page = mvc.perform(get("/cases").with(user(users.loadUserByUsername("dispatcher")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"bulk-co-handlers\"").contains("协办部门");

        var done = mvc.perform(post("/cases/bulk").with(user(users.loadUserByUsername("dispatcher"))).with(csrf())
                .param("ids", Long.toString(a), Long.toString(b)).param("action", "dispatch").param("department", "city-management")
                .param("coHandlers", "water", "ecology")).andReturn();
        assertThat(done.getFlashMap().get("bulkDone")).isEqualTo(2);
        assertThat(departments(a)).containsExactly("city-management:LEAD", "ecology:CO", "water:CO");
        assertThat(departments(b)).containsExactly("city-management:LEAD", "ecology:CO", "water:CO");

        long c = report("grid", "{\"category\": \"E0103\", \"description\": \"批量协办三\", \"place\": \"510107005001\"}");
        call("dispatcher", post("/api/cases/" + c + "/steps").content("{\"action\": \"accept\"}"));
        var refused = mvc.perform(post("/cases/bulk").with(user(users.loadUserByUsername("dispatcher"))).with(csrf())
                .param("ids", Long.toString(c)).param("action", "dispatch").param("department", "water").param("coHandlers", "water")).andReturn();
        assertThat((List<?>) refused.getFlashMap().get("bulkRefused")).singleElement().asString().startsWith("#" + c + " ")
                .contains("协办部门不能是主办部门");
        assertThat(refused.getFlashMap().get("bulkCoHandlers")).as("the choice is kept for another try").isEqualTo(List.of("water"));
        assertThat(state(c)).isEqualTo("ACCEPTED");
    }

    @Test
    void theMapShowsOpenCasesWithALocationInsideTheCallersAreaOnly() throws Exception {
        var inside = hierarchy.pointIn("510107", new java.util.Random(1)).orElseThrow();
        long located = report("resident", "{\"category\": \"E0102\", \"description\": \"地图上的建筑垃圾\", \"lon\": " + inside.getX()
                + ", \"lat\": " + inside.getY() + "}");
        var stored = call("resident", get("/api/my/cases/" + located));
        assertThat(stored.body().get("lon").asDouble()).isEqualTo(inside.getX());
        long unlocated = report("resident", "{\"category\": \"E0102\", \"description\": \"没有坐标的建筑垃圾\", \"place\": \"510107005002\"}");

        var district = call("district", get("/api/cases/map?category=E01"));
        assertThat(district.status()).isEqualTo(200);
        assertThat(district.body().get("type").asString()).isEqualTo("FeatureCollection");
        JsonNode mine = null;
        for (JsonNode f : district.body().get("features")) {
            if (f.get("properties").get("id").asLong() == located) {
                mine = f;
            }
            assertThat(f.get("properties").get("id").asLong()).isNotEqualTo(unlocated);
        }
        assertThat(mine).as("the located case is on the district's map").isNotNull();
        assertThat(mine.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(inside.getX());
        assertThat(mine.get("properties").get("stateName").asString()).isEqualTo("待受理");
        assertThat(district.body().get("unlocated").asLong()).isGreaterThanOrEqualTo(1);

        var dispatcher = call("dispatcher", get("/api/cases/map"));
        for (JsonNode f : dispatcher.body().get("features")) {
            String path = jdbc.sql("select path from casework_case where id = ?").param(f.get("properties").get("id").asLong())
                    .query(String.class).single();
            assertThat(path).as("only the dispatcher's sub-district").startsWith("/5101/510107/510107005");
        }
        var overdue = call("district", get("/api/cases/map?overdue=true"));
        assertThat(overdue.body().get("features").findValuesAsString("state")).doesNotContain("reported");
        var page = mvc.perform(get("/cases/map").with(user(users.loadUserByUsername("dispatcher")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).as("the map outlines the dispatcher's own sub-district").contains("data-areas=\"510107005\"");
        assertThat(call("grid", get("/api/cases/map")).status()).isEqualTo(200);
        assertThat(call("resident", get("/api/cases/map")).status()).isEqualTo(403);
    }
}
