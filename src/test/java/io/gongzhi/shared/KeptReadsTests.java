package io.gongzhi.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers kept for a while: read once, read again after a change, never kept from a read a change overtook. */
class KeptReadsTests {

    @Test
    void anAnswerIsReadOnceWhileKeptAndAgainAfterAChange() {
        var reads = new AtomicInteger();
        var kept = new KeptReads<String, Integer>(Duration.ofHours(1), 10);
        assertThat(kept.get("a", k -> reads.incrementAndGet())).isEqualTo(1);
        assertThat(kept.get("a", k -> reads.incrementAndGet())).as("kept").isEqualTo(1);
        kept.forgetAll();
        assertThat(kept.get("a", k -> reads.incrementAndGet())).as("read again after the change").isEqualTo(2);
    }

    @Test
    void aReadThatAChangeOvertookIsAnsweredButNotKept() {
        var kept = new KeptReads<String, String>(Duration.ofHours(1), 10);
        assertThat(kept.get("a", k -> {
            kept.forgetAll();
            return "before the change";
        })).isEqualTo("before the change");
        assertThat(kept.get("a", k -> "after the change")).isEqualTo("after the change");
    }

    @Test
    void nothingIsKeptForAZeroKeepingTimeNorForNoAnswer() {
        var reads = new AtomicInteger();
        var none = new KeptReads<String, Integer>(Duration.ZERO, 10);
        none.get("a", k -> reads.incrementAndGet());
        assertThat(none.get("a", k -> reads.incrementAndGet())).isEqualTo(2);
        var kept = new KeptReads<String, Integer>(Duration.ofHours(1), 10);
        assertThat(kept.get("a", k -> null)).isNull();
        assertThat(kept.get("a", k -> 7)).as("no answer was kept").isEqualTo(7);
    }

    @Test
    void aFullMemoryStartsAgain() {
        var reads = new AtomicInteger();
        var kept = new KeptReads<Integer, Integer>(Duration.ofHours(1), 2);
        kept.get(1, k -> reads.incrementAndGet());
        kept.get(2, k -> reads.incrementAndGet());
        kept.get(3, k -> reads.incrementAndGet());
        assertThat(kept.get(1, k -> reads.incrementAndGet())).as("dropped when the third came").isEqualTo(4);
    }
}
