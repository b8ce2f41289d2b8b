package io.gongzhi.identity.internal;

import io.gongzhi.identity.Notices;
import io.gongzhi.identity.Recipients;
import io.gongzhi.support.SentMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * SMS and e-mail leave through the outbox: queued with the notice, sent after the commit, tried
 * again with growing pauses when the gateway fails, set aside after the last try where the
 * administrator sees them (never the whole number) and sends them again; one source, one message.
 */
@SpringBootTest(properties = {"gongzhi.notices.retry-pause=PT0.1S", "gongzhi.notices.attempts=3"})
@AutoConfigureMockMvc
class NoticeOutboxTests {

    private static final String PHONE = "13912345678";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Notices notices;
    @Autowired
    Outbox outbox;
    @Autowired
    SentMessages sent;
    @Autowired
    TransactionTemplate transactions;

    long community;

    @BeforeEach
    void theCommunityWorkerWantsSms() {
        community = jdbc.sql("select id from identity_account where username = 'community'").query(Long.class).single();
        notices.setDelivery(community, PHONE, "", true, false);
    }

    MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf())).andReturn().getResponse();
    }

    static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    record Row(long id, String state, int attempts, String lastError, java.sql.Timestamp nextAt) {
    }

    Row row(String source) {
        return jdbc.sql("select id, state, attempts, last_error, next_at from identity_outbox where source like :s")
                .param("s", source + "%").query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5))).single();
    }

    @Test
    void aFailingGatewayIsTriedAgainThenSetAsideAndTheAdministratorSendsItAgain() throws Exception {
        String source = "test:" + UUID.randomUUID();
        sent.failNext(3);
        notices.notify(source, Recipients.account(community), "notice.case.fed-back", List.of("7001", "网关故障测试", ""), "/cases/7001");

        await().atMost(Duration.ofSeconds(10)).until(() -> row(source).attempts() == 1);
        Row first = row(source);
        assertThat(first.state()).as("tried again later").isEqualTo("WAITING");
        assertThat(first.lastError()).contains("gateway timed out");
        assertThat(jdbc.sql("select body from identity_outbox where id = :id").param("id", first.id()).query(String.class).single())
                .as("the text is sealed at rest").doesNotContain("网关故障测试");
        assertThat(jdbc.sql("select address from identity_outbox where id = :id").param("id", first.id()).query(String.class).single())
                .as("so is the number").doesNotContain(PHONE);

        // the pauses double: 0.1 s, 0.2 s; the third failure is the last try
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            outbox.sendDue();
            return "DEAD".equals(row(source).state());
        });
        assertThat(row(source).attempts()).isEqualTo(3);
        assertThat(sent.all(m -> m.text().contains("网关故障测试"))).as("nothing went out").isEmpty();

        var listed = json(as("admin", get("/api/admin/deliveries")));
        JsonNode mine = null;
        for (JsonNode m : listed.get("messages")) {
            if (m.get("id").asLong() == row(source).id()) {
                mine = m;
            }
        }
        assertThat(mine).as("the administrator sees it").isNotNull();
        assertThat(mine.get("givenUp").asBoolean()).isTrue();
        assertThat(mine.get("maskedAddress").asString()).isEqualTo("139****5678");
        assertThat(mine.get("attempts").asInt()).isEqualTo(3);
        assertThat(listed.get("givenUp").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(listed.toString()).as("never the whole number, nor the text").doesNotContain(PHONE).doesNotContain("网关故障测试");

        String page = as("admin", get("/admin/deliveries")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("已放弃（试了 3 次）").contains("案件 #7001 已处置完毕").contains("139****5678").contains("重新发送")
                .doesNotContain(PHONE);
        assertThat(as("admin", get("/admin/deliveries?lang=en")).getContentAsString(StandardCharsets.UTF_8))
                .contains("Given up (3 tries)").contains("Send again");

        assertThat(as("admin", post("/api/admin/deliveries/" + row(source).id() + "/resend")).getStatus()).isEqualTo(202);
        var sms = sent.await(m -> m.text().contains("网关故障测试"));
        assertThat(sms.address()).isEqualTo(PHONE);
        // marked sent once the gateway has answered, a moment after it took the message
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(source).state()));
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'notice.resend' and object = :o")
                .param("o", "outbox:" + row(source).id()).query(Integer.class).single()).as("the resend is audited").isEqualTo(1);

        var again = as("admin", post("/api/admin/deliveries/" + row(source).id() + "/resend?lang=en"));
        assertThat(again.getStatus()).as("a message that went out is not sent twice").isEqualTo(404);
        assertThat(json(again).get("code").asString()).isEqualTo("deliveries.not-undelivered");
        assertThat(sent.all(m -> m.text().contains("网关故障测试"))).hasSize(1);
    }

    @Test
    void theSameSourceRaisedTwiceIsOneNoticeAndOneSms() {
        String source = "test:" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            transactions.executeWithoutResult(tx -> notices.notify(source, Recipients.account(community), "notice.case.fed-back",
                    List.of("7002", "重复事件测试", ""), "/cases/7002"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(source).state()));
        assertThat(jdbc.sql("select count(*) from identity_notice where source = :s").param("s", source).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(sent.all(m -> m.text().contains("重复事件测试"))).hasSize(1);
    }

    @Test
    void onlyTheAdministratorSeesDeliveriesAndAMessageThatIsNoneIsNotFound() throws Exception {
        assertThat(as("dispatcher", get("/api/admin/deliveries")).getStatus()).isEqualTo(403);
        assertThat(as("community", post("/api/admin/deliveries/1/resend")).getStatus()).isEqualTo(403);
        assertThat(as("admin", post("/api/admin/deliveries/999999999/resend")).getStatus()).isEqualTo(404);
        assertThat(as("admin", post("/api/admin/deliveries/not-a-number/resend")).getStatus()).isEqualTo(400);
    }

    @Test
    void thePauseDoublesAfterEachFailureAndNeverPassesAnHour() {
        assertThat(outbox.pauseAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(outbox.pauseAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(outbox.pauseAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(outbox.pauseAfter(60)).isEqualTo(Duration.ofHours(1));
    }
}
