package io.gongzhi.support;

import io.gongzhi.identity.Messenger;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The messenger of every test application: keeps what would have gone out by SMS or e-mail so a
 * test can read it (the platform's own default only logs it). Picked up by component scanning.
 */
@Component
public class SentMessages implements Messenger {

    public record Sent(Channel channel, String address, String text) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger failing = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void send(Channel channel, String address, String text) {
        if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("gateway timed out");
        }
        sent.add(new Sent(channel, address, text));
    }

    /** The next {@code times} sends fail as a gateway that does not answer would. */
    public void failNext(int times) {
        failing.set(times);
    }

    /** Every message sent so far that matches. */
    public List<Sent> all(Predicate<Sent> which) {
        return sent.stream().filter(which).toList();
    }

    /** The latest message that matches, waiting for it a while: messages leave after their transaction commits. */
    public Sent await(Predicate<Sent> which) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = sent.size() - 1; i >= 0; i--) {
                if (which.test(sent.get(i))) {
                    return sent.get(i);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such message was sent; sent were: " + sent);
    }
}
