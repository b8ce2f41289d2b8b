package io.gongzhi.platform;

import io.gongzhi.GongzhiApplication;
import org.junit.jupiter.api.Test;
import io.gongzhi.support.Nodes;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event published in a committed transaction whose listener was still running when
 * the node went down is delivered again when the application restarts on the same
 * database: the JDBC event publication registry keeps it until a listener completes.
 */
class EventRedeliveryTests {

    /** A module's past-tense record; in the real modules these are CaseClosed and the like. */
    record SomethingHappened(String id) {
    }

    /** Listens like a module would; in the first run it is cut off mid-way, as a crash would. */
    static class Reaction {
        static volatile boolean crashMidway;
        static final CountDownLatch started = new CountDownLatch(1);
        static final Set<String> completed = ConcurrentHashMap.newKeySet();

        @ApplicationModuleListener
        void on(SomethingHappened event) throws InterruptedException {
            if (crashMidway) {
                started.countDown();
                // Held here until the application shuts down around it.
                new CountDownLatch(1).await(60, TimeUnit.SECONDS);
                throw new IllegalStateException("node went down before the reaction finished");
            }
            completed.add(event.id());
        }
    }

    /** Registered by hand (no stereotype) so that other tests' component scans never pick it up. */
    static class Fixture {
        @Bean
        Reaction reaction() {
            return new Reaction();
        }
    }

    @Test
    void anEventInterruptedByACrashIsDeliveredAfterTheRestart(@TempDir Path dataDir) throws Exception {
        String url = Nodes.database(dataDir);
        String id = UUID.randomUUID().toString();

        Reaction.crashMidway = true;
        try (var first = start(url)) {
            first.getBean(TransactionTemplate.class).executeWithoutResult(tx ->
                    first.publishEvent(new SomethingHappened(id)));
            assertThat(Reaction.started.await(30, TimeUnit.SECONDS)).as("listener started").isTrue();
            assertThat(incomplete(first, id)).isEqualTo(1);
        } // closing the context interrupts the listener mid-way

        assertThat(Reaction.completed).doesNotContain(id);

        Reaction.crashMidway = false;
        try (var second = start(url)) {
            await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(Reaction.completed).contains(id));
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(incomplete(second, id)).isZero());
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return Nodes.start(url, List.of(), GongzhiApplication.class, Fixture.class);
    }

    private static long incomplete(ConfigurableApplicationContext context, String id) {
        return context.getBean(JdbcClient.class)
                .sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + id + "%").query(Long.class).single();
    }
}
