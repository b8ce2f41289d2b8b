package io.gongzhi.shared;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A progress count read often is counted again at most about once per freshness interval, and readers never wait for a recount. */
class RecentCountsTests {

    @Test
    void aFreshCountIsAnsweredAsItIsAStaleOneWhileItIsCountedAgainBehind() throws Exception {
        var counted = new AtomicInteger();
        var counts = new RecentCounts<Integer>(Duration.ofMillis(300));
        assertThat(counts.of("d1 /5101", counted::incrementAndGet)).as("nothing known: counted now").isEqualTo(1);
        assertThat(counts.of("d1 /5101", counted::incrementAndGet)).as("fresh: not counted again").isEqualTo(1);
        assertThat(counts.of("d2 /5101", counted::incrementAndGet)).as("another directive is counted apart").isEqualTo(2);

        Thread.sleep(400);
        assertThat(counts.of("d1 /5101", counted::incrementAndGet)).as("stale: the last count, at once").isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(counts.of("d1 /5101", counted::incrementAndGet)).as("then the recount").isEqualTo(3));
    }

    @Test
    void withNoFreshnessEveryReadCounts() {
        var counted = new AtomicInteger();
        var counts = new RecentCounts<Integer>(Duration.ZERO);
        counts.of("d", counted::incrementAndGet);
        assertThat(counts.of("d", counted::incrementAndGet)).isEqualTo(2);
    }
}
