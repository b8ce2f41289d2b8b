package io.gongzhi.casework;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** The case loop over REST as the demo accounts use it, with refusals as problem details in the caller's language. */
@SpringBootTest
@AutoConfigureMockMvc
class CaseApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    ApiCalls.Answer call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return new ApiCalls(mvc, users).call(username, request);
    }

    ApiCalls.Answer step(String username, long id, String body) throws Exception {
        return call(username, post("/api/cases/" + id + "/steps").content(body));
    }

    @Test
    void aGridReportIsWorkedThroughByFourRolesAndRefusalsExplainThemselves() throws Exception {
        var reported = call("grid", post("/api/cases").content("""
                {"category": "E0101", "description": "垃圾桶满溢，已两天无人清运", "place": "510107005001", "address": "玉林北路 8 号"}"""));
        assertThat(reported.status()).isEqualTo(201);
        long id = reported.body().get("id").asLong();
        assertThat(reported.body().get("channel").asString()).isEqualTo("GRID");

        var early = step("dispatcher", id, "{\"action\": \"dispatch\", \"department\": \"city-management\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("code").asString()).isEqualTo("casework.not-now");
        assertThat(early.body().get("detail").asString()).isEqualTo("案件当前为“待受理”，不能执行“派遣”");
        var earlyEn = call("dispatcher", post("/api/cases/" + id + "/steps?lang=en").content("{\"action\": \"dispatch\", \"department\": \"city-management\"}"));
        assertThat(earlyEn.body().get("detail").asString()).isEqualTo("The case is waiting to be accepted: it cannot be given “Dispatch” now");

        var notMine = step("community", id, "{\"action\": \"accept\"}");
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.body().get("code").asString()).isEqualTo("casework.not-your-step");

        assertThat(step("dispatcher", id, "{\"action\": \"accept\"}").status()).isEqualTo(200);
        var unknown = step("dispatcher", id, "{\"action\": \"dispatch\", \"department\": \"no-such\", \"coHandlers\": [\"no-such\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").findValuesAsString("code")).contains("casework.department-unknown", "casework.co-handler-is-lead");
        assertThat(step("dispatcher", id, "{\"action\": \"dispatch\", \"department\": \"city-management\"}").body().get("state").asString())
                .isEqualTo("DISPATCHED");
        assertThat(step("department", id, "{\"action\": \"receive\"}").status()).isEqualTo(200);
        assertThat(step("department", id, "{\"action\": \"feedback\", \"note\": \"已清运\"}").body().get("state").asString()).isEqualTo("FED_BACK");
        assertThat(step("community", id, "{\"action\": \"close\"}").body().get("state").asString()).isEqualTo("CLOSED");

        var mine = call("grid", get("/api/my/cases"));
        assertThat(mine.body().get("cases").findValuesAsString("description")).contains("垃圾桶满溢，已两天无人清运");
        var rated = call("grid", post("/api/my/cases/" + id + "/steps").content("{\"action\": \"rate\", \"rating\": \"BASICALLY_SATISFIED\"}"));
        assertThat(rated.body().get("rating").asString()).isEqualTo("BASICALLY_SATISFIED");
        var timeline = call("dispatcher", get("/api/cases/" + id + "/steps"));
        assertThat(timeline.body().findValuesAsString("action")).containsExactly("REPORT", "ACCEPT", "DISPATCH", "RECEIVE", "FEEDBACK", "CLOSE", "RATE");
    }

    @Test
    void aResidentFollowsOnlyTheirOwnRequests() throws Exception {
        var reported = call("resident", post("/api/cases").content("""
                {"category": "E0401", "description": "小区门口长期占道停车", "place": "510107005002", "channel": "HOTLINE"}"""));
        assertThat(reported.status()).isEqualTo(201);
        assertThat(reported.body().get("channel").asString()).as("a resident's report is a resident's, whatever is asked").isEqualTo("RESIDENT");
        long id = reported.body().get("id").asLong();
        assertThat(call("resident", get("/api/my/cases/" + id)).status()).isEqualTo(200);
        assertThat(call("resident", get("/api/cases/" + id)).status()).as("staff's view").isEqualTo(403);
        var other = call("grid", get("/api/my/cases/" + id));
        assertThat(other.status()).as("someone else's report").isEqualTo(404);
        var bad = call("resident", post("/api/cases?lang=en").content("{\"category\": \"E0401\", \"description\": \"\"}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").findValuesAsString("message")).containsExactly("Required",
                "Pick the place on the map, or give its grid, compound or community");
    }

    @Test
    void theCommitteeRevisesTheCatalogueAndAStaleEditIsRefused() throws Exception {
        var before = call("city", get("/api/casework/categories")).body();
        int revision = 0;
        for (JsonNode c : before) {
            if (c.get("code").asString().equals("E0103")) {
                revision = c.get("revision").asInt();
            }
        }
        var earlier = call("grid", post("/api/cases").content("""
                {"category": "E0103", "description": "修订前：原时限", "place": "510107005001"}"""));
        assertThat(earlier.body().get("categoryRevision").asInt()).isEqualTo(revision);
        var changed = call("city", put("/api/casework/categories/E0103").content(
                "{\"timeLimit\": \"URGENT\", \"department\": \"city-management\", \"revision\": " + revision + "}"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("timeLimit").asString()).isEqualTo("URGENT");
        assertThat(changed.body().get("revision").asInt()).isEqualTo(revision + 1);
        // a report made right after the edit is held to it (the node's catalogue in memory is refreshed at once)
        var reported = call("grid", post("/api/cases").content("""
                {"category": "E0103", "description": "修订后：新时限", "place": "510107005001"}"""));
        assertThat(reported.body().get("categoryRevision").asInt()).isEqualTo(revision + 1);
        assertThat(reported.body().get("timeLimit").asString()).isEqualTo("URGENT");
        var stale = call("city", put("/api/casework/categories/E0103").content("{\"timeLimit\": \"NORMAL\", \"revision\": " + revision + "}"));
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.body().get("errors").findValuesAsString("code")).containsExactly("casework.changed-meanwhile");
        assertThat(call("city", get("/api/casework/categories/E0103/revisions")).body().findValuesAsString("timeLimit"))
                .startsWith("URGENT", "NORMAL");
        assertThat(call("dispatcher", put("/api/casework/categories/E0103").content("{\"revision\": 1}")).status()).isEqualTo(403);
    }
}
