package io.gongzhi.casework;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Notices along the case loop: each party hears of the step that waits for them, in their own
 * language, reads it where it leads; and those who asked get it by SMS too.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseNoticeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.gongzhi.support.SentMessages sent;

    ApiCalls.Answer call(String username, MockHttpServletRequestBuilder request) throws Exception {
        return new ApiCalls(mvc, users).call(username, request);
    }

    MockHttpServletResponse page(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf())).andReturn().getResponse();
    }

    void step(String username, long id, String body) throws Exception {
        assertThat(call(username, post("/api/cases/" + id + "/steps").content(body)).status()).isEqualTo(200);
    }

    List<String> texts(String username, String query) throws Exception {
        return call(username, get("/api/notices" + query)).body().findValuesAsString("text");
    }

    List<Long> waiting(String username) throws Exception {
        var page = call(username, get("/api/cases?todo=true&size=200")).body().get("cases");
        var ids = new java.util.ArrayList<Long>();
        page.forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    interface Check {
        void run() throws Exception;
    }

    /** Passes once {@code check} does, within a few seconds. */
    static void eventually(Check check) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).pollInterval(java.time.Duration.ofMillis(50))
                .untilAsserted(check::run);
    }

    int unread(String username) throws Exception {
        return call(username, get("/api/notices/unread")).body().get("unread").asInt();
    }

    @Test
    void eachPartyHearsOfTheStepWaitingForThemAndOnlyThat() throws Exception {
        call("grid", post("/api/notices/read-all"));
        call("department", post("/api/notices/read-all"));
        call("community", post("/api/notices/read-all"));
        var delivery = call("grid", put("/api/me/delivery").content("{\"phone\": \"139 1234 5678\", \"sms\": true}"));
        assertThat(delivery.body().get("maskedPhone").asString()).isEqualTo("139****5678");
        assertThat(jdbc.sql("select notify_phone from identity_account where username = 'grid'").query(String.class).single())
                .as("the number is sealed at rest").doesNotContain("13912345678");

        long id = call("grid", post("/api/cases").content("""
                {"category": "E0101", "description": "通知测试：路口垃圾堆积", "place": "510107005001"}""")).body().get("id").asLong();
        assertThat(waiting("dispatcher")).as("the dispatcher's to accept").contains(id);
        eventually(() -> assertThat(texts("dispatcher", "?unread=true")).as("a new report waits on the sub-district's dispatcher")
                .contains("新上报案件 #" + id + " 待受理：通知测试：路口垃圾堆积"));
        assertThat(texts("district", "")).as("not on the district's, who may dispatch too").noneMatch(t -> t.contains("#" + id + " "));
        step("dispatcher", id, "{\"action\": \"accept\"}");
        assertThat(texts("dispatcher", "?unread=true")).as("accepting the case read its notice").noneMatch(t -> t.contains("#" + id + " "));
        step("dispatcher", id, "{\"action\": \"dispatch\", \"department\": \"city-management\"}");
        // notices are a reaction to the step, raised just after it commits
        eventually(() -> assertThat(texts("department", "?unread=true")).contains("案件 #" + id + " 派给你部门办理：通知测试：路口垃圾堆积"));
        assertThat(call("department", get("/api/notices?unread=true&lang=en")).body().findValuesAsString("text"))
                .contains("Case #" + id + " was dispatched to your department: 通知测试：路口垃圾堆积");
        assertThat(texts("dispatcher", "")).as("nobody is told of their own step").filteredOn(t -> t.contains("#" + id + " "))
                .containsExactly("新上报案件 #" + id + " 待受理：通知测试：路口垃圾堆积");
        assertThat(texts("community", "?unread=true")).as("nothing waits for the community yet").noneMatch(t -> t.contains("#" + id + " "));
        assertThat(waiting("department")).as("the department's inbox").contains(id);
        assertThat(waiting("community")).doesNotContain(id);
        assertThat(waiting("dispatcher")).doesNotContain(id);

        step("department", id, "{\"action\": \"receive\"}");
        assertThat(texts("department", "?unread=true")).as("receiving the case read its notice").noneMatch(t -> t.contains("#" + id + " "));
        step("department", id, "{\"action\": \"feedback\", \"note\": \"已清运\"}");
        eventually(() -> assertThat(texts("community", "?unread=true")).contains("案件 #" + id + " 已处置完毕，请核查：通知测试：路口垃圾堆积"));
        assertThat(waiting("community")).as("the verification queue").contains(id);
        assertThat(waiting("department")).doesNotContain(id);
        step("community", id, "{\"action\": \"rework\", \"note\": \"仍有残留\"}");
        eventually(() -> assertThat(texts("department", "?unread=true")).contains("案件 #" + id + " 核查未通过，需要返工：仍有残留"));
        step("department", id, "{\"action\": \"feedback\", \"note\": \"已清理干净\"}");
        step("community", id, "{\"action\": \"close\", \"note\": \"现场已无垃圾\"}");

        eventually(() -> assertThat(texts("grid", "?unread=true")).as("the reporter hears their problem is closed")
                .anyMatch(t -> t.contains("#" + id + "）已办结")));
        var mine = call("grid", get("/api/notices?unread=true")).body();
        JsonNode closed = null;
        for (var n : mine) {
            if (n.get("text").asString().contains("#" + id + "）已办结")) {
                closed = n;
            }
        }
        assertThat(closed.get("link").asString()).isEqualTo("/my/cases/" + id);
        int before = unread("grid");
        var opened = page("grid", post("/notices/" + closed.get("id").asLong()));
        assertThat(opened.getRedirectedUrl()).isEqualTo("/my/cases/" + id);
        assertThat(unread("grid")).isEqualTo(before - 1);
        assertThat(call("department", post("/api/notices/" + closed.get("id").asLong() + "/read")).status())
                .as("another account's notice answers like a missing one").isEqualTo(404);

        var sms = sent.await(m -> m.text().contains("（案件 #" + id + "）已办结"));
        assertThat(sms.channel()).isEqualTo(io.gongzhi.identity.Messenger.Channel.SMS);
        assertThat(sms.address()).isEqualTo("13912345678");
        assertThat(sms.text()).isEqualTo("【共治】您反映的问题（案件 #" + id + "）已办结，请评价：通知测试：路口垃圾堆积 http://localhost:8080/my/cases/" + id);
    }

    @Test
    void theNoticePagesAndTheDeliveryFormSpeakTheUsersLanguage() throws Exception {
        long id = call("grid", post("/api/cases").content("""
                {"category": "E0101", "description": "页面通知测试", "place": "510107005001"}""")).body().get("id").asLong();
        step("dispatcher", id, "{\"action\": \"accept\"}");
        step("dispatcher", id, "{\"action\": \"dispatch\", \"department\": \"city-management\"}");
        eventually(() -> assertThat(texts("department", "?unread=true")).anyMatch(t -> t.contains("#" + id + " ")));
        String list = page("department", get("/notices")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("案件 #" + id + " 派给你部门办理：页面通知测试").contains("id=\"notices-link\"").contains("class=\"badge\"");
        assertThat(page("department", get("/notices?lang=en")).getContentAsString(StandardCharsets.UTF_8))
                .contains("Case #" + id + " was dispatched to your department");
        assertThat(page("department", post("/notices/read-all")).getRedirectedUrl()).isEqualTo("/notices");
        assertThat(unread("department")).isZero();

        String form = page("department", post("/account/delivery").param("phone", "12345").param("email", "not-an-address")
                .param("sms", "true")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("请填写 11 位手机号").contains("邮箱格式不对").contains("value=\"not-an-address\"");
        assertThat(page("department", post("/account/delivery").param("phone", "13800001111").param("sms", "true"))
                .getContentAsString(StandardCharsets.UTF_8)).contains("通知方式已保存").contains("138****1111");
        var refused = call("department", put("/api/me/delivery?lang=en").content("{\"phone\": \"12345\", \"email\": \"x@\", \"byEmail\": true}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsString("message"))
                .containsExactlyInAnyOrder("Give an 11-digit mobile number", "Not an e-mail address");
        var refusedZh = call("district", put("/api/me/delivery").content("{\"sms\": true}"));
        assertThat(refusedZh.body().get("errors").findValuesAsString("message")).containsExactly("要接收短信，请先填写手机号");
    }

    @Autowired
    io.gongzhi.identity.Notices notices;

    @Test
    void noticesOlderThanTheKeepingPeriodAreForgottenAndNewerOnesStay() throws Exception {
        long account = jdbc.sql("select id from identity_account where username = 'community'").query(Long.class).single();
        notices.notify("test:" + java.util.UUID.randomUUID(), io.gongzhi.identity.Recipients.account(account), "notice.case.fed-back", java.util.List.of("1", "旧通知", ""), "/cases/1");
        notices.notify("test:" + java.util.UUID.randomUUID(), io.gongzhi.identity.Recipients.account(account), "notice.case.fed-back", java.util.List.of("2", "新通知", ""), "/cases/2");
        jdbc.sql("update identity_notice set created_at = created_at - interval '91' day where account_id = :a and args like '1%旧通知%'")
                .param("a", account).update();
        assertThat(notices.forgetOld()).isGreaterThanOrEqualTo(1);
        assertThat(texts("community", "")).contains("案件 #2 已处置完毕，请核查：新通知").noneMatch(t -> t.contains("旧通知"));
    }

    @Test
    void aLongListOfNoticesPagesToOlderOnes() throws Exception {
        long account = jdbc.sql("select id from identity_account where username = 'socialorg'").query(Long.class).single();
        for (int i = 1; i <= 55; i++) {
            notices.notify("test:" + java.util.UUID.randomUUID(), io.gongzhi.identity.Recipients.account(account), "notice.case.fed-back", List.of(String.valueOf(i), "第" + i + "条", ""),
                    "/cases/" + i);
        }
        String first = page("socialorg", get("/notices")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(first).contains("案件 #55 ").contains("案件 #6 ").doesNotContain("案件 #5 ").contains("更早的通知");
        var older = java.util.regex.Pattern.compile("href=\"(/notices\\?before=\\d+)\"").matcher(first);
        assertThat(older.find()).isTrue();
        String second = page("socialorg", get(older.group(1))).getContentAsString(StandardCharsets.UTF_8);
        assertThat(second).contains("案件 #5 ").contains("案件 #1 ").doesNotContain("案件 #6 ").doesNotContain("更早的通知");
        var api = call("socialorg", get("/api/notices?size=3&before=" + older.group(1).replaceAll("\\D", ""))).body();
        assertThat(api.findValuesAsString("text")).hasSize(3).first().asString().startsWith("案件 #5 ");
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void noticesRaisedTogetherInOneTransactionEachReachTheirOwnPeopleAtTheCommit() throws Exception {
        for (String user : List.of("grid", "department", "community", "dispatcher")) {
            call(user, post("/api/notices/read-all"));
        }
        long grid = jdbc.sql("select id from identity_account where username = 'grid'").query(Long.class).single();
        long community = jdbc.sql("select id from identity_account where username = 'community'").query(Long.class).single();
        String path = "/5101/510107/510107005/510107005001";
        transactions.executeWithoutResult(status -> {
            notices.notify("test:" + java.util.UUID.randomUUID(), io.gongzhi.identity.Recipients.account(grid), "notice.case.close", List.of("901", "一起：给报告人", "一起：给报告人"), "/my/cases/901");
            notices.notify("test:" + java.util.UUID.randomUUID(), io.gongzhi.identity.Recipients.departments("case.handle", path, List.of("city-management")), "notice.case.dispatched",
                    List.of("902", "一起：给部门", "一起：给部门"), "/cases/902");
            notices.notify("test:" + java.util.UUID.randomUUID(), io.gongzhi.identity.Recipients.staff("case.verify", path).except(community), "notice.case.fed-back",
                    List.of("903", "一起：社区自己不收", "一起：社区自己不收"), "/cases/903");
            notices.notify("test:" + java.util.UUID.randomUUID(), io.gongzhi.identity.Recipients.staff("case.dispatch", path), "notice.case.request-extension",
                    List.of("904", "一起：给调度", "一起：给调度"), "/cases/904");
            assertThat(jdbc.sql("select count(*) from identity_notice where args like '90_%一起%'").query(Integer.class).single())
                    .as("raised with the commit, not before").isZero();
        });
        assertThat(texts("grid", "?unread=true")).filteredOn(t -> t.contains("一起")).singleElement().asString().contains("#901");
        assertThat(texts("department", "?unread=true")).filteredOn(t -> t.contains("一起")).singleElement().asString().contains("#902");
        assertThat(texts("community", "?unread=true")).as("told of nothing: the one notice for them leaves them out")
                .noneMatch(t -> t.contains("一起"));
        assertThat(texts("dispatcher", "?unread=true")).filteredOn(t -> t.contains("一起")).singleElement().asString().contains("#904");
    }
}
