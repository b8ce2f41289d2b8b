package io.gongzhi.casework;

import io.gongzhi.GongzhiApplication;
import io.gongzhi.identity.Messenger;
import io.gongzhi.identity.Notices;
import io.gongzhi.support.Nodes;
import io.gongzhi.support.SentMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node goes down after a step committed and before the SMS it raised went out (the gateway
 * had not answered yet): after the restart the SMS is sent, once, and the in-app notice is there
 * once.
 */
class NoticeCrashTests {

    private static final String PHONE = "13812340000";

    /** A gateway that never answers: the first node goes down while waiting for it. */
    static class SilentGateway implements Messenger {
        static final CountDownLatch reached = new CountDownLatch(1);

        @Override
        public void send(Channel channel, String address, String text) {
            reached.countDown();
            try {
                new CountDownLatch(1).await(60, TimeUnit.SECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the node went down before the gateway answered");
        }
    }

    /** Registered by hand (no stereotype) so that other tests' component scans never pick it up. */
    static class Fixture {
        @Bean
        @Primary
        Messenger silentGateway() {
            return new SilentGateway();
        }
    }

    @Test
    void anSmsCutOffByACrashIsSentOnceAfterTheRestart(@TempDir Path dataDir) throws Exception {
        String url = Nodes.database(dataDir);
        long caseId;
        try (var first = start(url, GongzhiApplication.class, Fixture.class)) {
            long department = account(first, "department");
            first.getBean(Notices.class).setDelivery(department, PHONE, "", true, false);
            var cases = first.getBean(Cases.class);
            Case c = cases.report(new Cases.Report("E0302", "崩溃测试：井盖缺失", null, null, CaseActors.INSIDE, "玉林北路 3 号", Channel.GRID, ""),
                    CaseActors.gridWorker());
            caseId = c.id();
            cases.act(caseId, Cases.Command.of(CaseAction.ACCEPT, ""), CaseActors.dispatcher());
            cases.act(caseId, CaseLoopTests.dispatch("city-management"), CaseActors.dispatcher());
            assertThat(SilentGateway.reached.await(30, TimeUnit.SECONDS)).as("the SMS reached the gateway").isTrue();
        } // the node goes down while the gateway has not answered

        try (var second = start(url, GongzhiApplication.class)) {
            var sent = second.getBean(SentMessages.class);
            long department = account(second, "department");
            var sms = sent.await(m -> m.text().contains("#" + caseId + " "));
            assertThat(sms.address()).isEqualTo(PHONE);
            assertThat(sms.text()).contains("案件 #" + caseId + " 派给你部门办理：崩溃测试：井盖缺失");
            // a while longer: nothing else comes for the same step
            Thread.sleep(1500);
            second.getBean(io.gongzhi.identity.internal.Outbox.class).sendDue();
            assertThat(sent.all(m -> m.text().contains("#" + caseId + " "))).as("sent once").hasSize(1);
            assertThat(second.getBean(JdbcClient.class).sql("select count(*) from identity_notice where account_id = :a and link = :l")
                    .param("a", department).param("l", "/cases/" + caseId).query(Integer.class).single())
                    .as("one notice in the app").isEqualTo(1);
        }
    }

    static long account(ConfigurableApplicationContext context, String username) {
        return context.getBean(JdbcClient.class).sql("select id from identity_account where username = :u").param("u", username)
                .query(Long.class).single();
    }

    private static ConfigurableApplicationContext start(String url, Class<?>... sources) {
        // a message held by a node that went down is left to the others after the claim
        return Nodes.start(url, List.of("gongzhi.notices.claim=PT1S", "gongzhi.notices.outbox-check=PT0.5S", "gongzhi.notices.retry-pause=PT0.5S"),
                sources);
    }
}
