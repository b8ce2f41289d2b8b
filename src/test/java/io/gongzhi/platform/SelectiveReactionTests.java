package io.gongzhi.platform;

import io.gongzhi.shared.Selective;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reaction that says in Java which events it wants runs for those alone, and the others are
 * never recorded for it in the event publication registry (no row to delete, nothing to run again
 * after a crash).
 */
@SpringBootTest
class SelectiveReactionTests {

    record Picked(String id) {
    }

    /** Wants the events whose id begins "wanted-"; fails every time, so that its rows stay in the registry to be read. */
    static class PickyReaction implements Selective {
        final Set<String> ran = ConcurrentHashMap.newKeySet();

        @Override
        public boolean wants(Object event) {
            return event instanceof Picked picked && picked.id().startsWith("wanted-");
        }

        @ApplicationModuleListener(id = "test.picky")
        void on(Picked event) {
            ran.add(event.id());
            throw new IllegalStateException("left in the registry for the test to read");
        }

        public boolean ran(String id) {
            return ran.contains(id);
        }
    }

    @TestConfiguration
    static class Fixture {
        @Bean
        PickyReaction pickyReaction() {
            return new PickyReaction();
        }
    }

    @Autowired
    PickyReaction reaction;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnwantedEventNeitherRunsTheReactionNorLeavesARow() {
        String wanted = "wanted-" + UUID.randomUUID();
        String unwanted = "other-" + UUID.randomUUID();
        try {
            transactions.executeWithoutResult(tx -> {
                events.publishEvent(new Picked(unwanted));
                events.publishEvent(new Picked(wanted));
            });

            await().atMost(Duration.ofSeconds(10)).until(() -> reaction.ran(wanted));
            assertThat(rows()).as("the registry holds the wanted event for this reaction, and only it")
                    .singleElement().asString().contains(wanted);
            assertThat(reaction.ran(unwanted)).isFalse();
        } finally {
            jdbc.sql("delete from event_publication where listener_id = 'test.picky'").update();
        }
    }

    private List<String> rows() {
        return jdbc.sql("select serialized_event from event_publication where listener_id = 'test.picky'").query(String.class).list();
    }
}
