package io.gongzhi.shared;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Counts read often while they change fast, kept in memory: a value younger than {@code fresh} is
 * answered as it is; an older one is answered too while it is counted again in the background, one
 * count at a time per key, so readers never wait behind a count; one older than ten times
 * {@code fresh}, or none, is counted while the reader waits. {@code fresh} of zero counts every time.
 * Unlike {@link KeptReads}, which forgets on every change and reads again while
 * the caller waits, this answers a little behind the truth on purpose: the counts change with every
 * acknowledgement, so forgetting on change would mean never keeping them.
 */
public final class RecentCounts<T> {

    private static final int MAX_KEYS = 10_000;

    private record Counted<T>(T value, long at, AtomicBoolean recounting) {
    }

    private final ConcurrentHashMap<String, Counted<T>> kept = new ConcurrentHashMap<>();
    private final long freshNanos;

    public RecentCounts(Duration fresh) {
        this.freshNanos = fresh.toNanos();
    }

    /** The count kept for {@code key}, or {@code count}'s (see the class). */
    public T of(String key, Supplier<T> count) {
        if (freshNanos <= 0) {
            return count.get();
        }
        long now = System.nanoTime();
        Counted<T> known = kept.get(key);
        if (known == null || now - known.at() > 10 * freshNanos) {
            return keep(key, count);
        }
        if (now - known.at() > freshNanos && known.recounting().compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    keep(key, count);
                } finally {
                    known.recounting().set(false);
                }
            });
        }
        return known.value();
    }

    private T keep(String key, Supplier<T> count) {
        T value = count.get();
        if (kept.size() >= MAX_KEYS) {
            kept.clear();
        }
        kept.put(key, new Counted<>(value, System.nanoTime(), new AtomicBoolean()));
        return value;
    }
}
