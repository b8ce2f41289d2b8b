package io.gongzhi.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reaction that fails is not lost: it stays in the registry, listed for the administrator with
 * its listener and event, and runs again when retried (on schedule, or by the administrator).
 */
@SpringBootTest
class ReactionRetryTests {

    /** A module's past-tense record. */
    record SomethingHappened(String id) {
    }

    /** A reaction whose first try fails, as one would when a gateway or another service is away. */
    static class FlakyReaction {
        final AtomicInteger tries = new AtomicInteger();
        final Set<String> done = ConcurrentHashMap.newKeySet();

        @ApplicationModuleListener(id = "test.flaky")
        void on(SomethingHappened event) {
            if (event.id().startsWith("flaky-") && tries.incrementAndGet() == 1) {
                throw new IllegalStateException("the other side did not answer");
            }
            done.add(event.id());
        }

        // read through methods: the bean is a proxy (the reaction runs asynchronously)
        public int tries() {
            return tries.get();
        }

        public boolean done(String id) {
            return done.contains(id);
        }
    }

    @TestConfiguration
    static class Fixture {
        @Bean
        FlakyReaction flakyReaction() {
            return new FlakyReaction();
        }
    }

    @Autowired
    FlakyReaction reaction;
    @Autowired
    Reactions reactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aFailedReactionIsListedAndRunsAgainWhenRetried() {
        String id = "flaky-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> events.publishEvent(new SomethingHappened(id)));

        await().atMost(Duration.ofSeconds(10)).until(() -> reaction.tries() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(reactions.waiting(500))
                .filteredOn(w -> w.listener().equals("test.flaky")).singleElement().satisfies(w -> {
                    assertThat(w.event()).isEqualTo("ReactionRetryTests.SomethingHappened");
                    assertThat(w.status()).isEqualTo("FAILED");
                }));
        assertThat(reaction.done(id)).isFalse();

        assertThat(reactions.retry(Duration.ZERO)).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> reaction.done(id));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(reactions.waiting(500)).noneMatch(w -> w.listener().equals("test.flaky")));
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReactionCutOffWithItsNodeRunsAgainOnAnotherOnceItIsStale() {
        String cutOff = "cut-off-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        // as a node leaves them when it dies: published, never completed, never marked failed
        UUID cutOffRow = waiting(cutOff, Duration.ofMinutes(6));
        UUID recentRow = waiting(recent, Duration.ofMinutes(2));
        try {
            assertThat(reactions.retry(Duration.ofMinutes(1))).as("only the one older than five minutes").isEqualTo(1);

            await().atMost(Duration.ofSeconds(10)).until(() -> reaction.done(cutOff));
            assertThat(reaction.done(recent)).as("two minutes may still be a reaction at work on a live node").isFalse();
            assertThat(jdbc.sql("select status from event_publication where id = :id").param("id", recentRow).query(String.class).single())
                    .isEqualTo("PUBLISHED");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    jdbc.sql("select count(*) from event_publication where id = :id").param("id", cutOffRow).query(Integer.class).single() == 0);
        } finally {
            jdbc.sql("delete from event_publication where id = :id").param("id", recentRow).update();
        }
    }

    private UUID waiting(String eventId, Duration age) {
        UUID row = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.now().minus(age));
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts, "
                        + "last_resubmission_date) values (:id, 'test.flaky', :type, :event, :at, 'PUBLISHED', 1, :at)")
                .param("id", row).param("type", SomethingHappened.class.getName()).param("event", "{\"id\":\"" + eventId + "\"}")
                .param("at", at).update();
        return row;
    }
}
