package io.gongzhi.shared;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Answers read from the database, kept in memory per key for a while, so that what a busy node
 * asks again and again (who a token stands for, who a notice goes to) is read once every few
 * seconds instead of on every call. A change forgets them all, at once and again when its
 * transaction ends, and a read that began before a change is never served after it: what the
 * change undid is not kept. Changes are rare and reads many, so forgetting everything is cheap.
 * At most {@code max} answers are kept (all are dropped when full); a keeping time of zero keeps
 * nothing.
 */
public final class KeptReads<K, V> {

    /** An answer, when it was read and how many changes had been seen before the read began. */
    private record Kept<V>(V value, long at, long changes) {
    }

    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final long keepNanos;
    private final int max;

    public KeptReads(Duration keep, int max) {
        this.keepNanos = keep.toNanos();
        this.max = max;
    }

    /** The answer kept for {@code key}, or {@code read}'s (null: nothing to answer, and nothing kept). */
    public V get(K key, Function<? super K, ? extends V> read) {
        long seen = changes.get();
        long now = System.nanoTime();
        Kept<V> hit = kept.get(key);
        if (hit != null && now - hit.at() < keepNanos && hit.changes() == seen) {
            return hit.value();
        }
        V value = read.apply(key);
        if (value == null) {
            kept.remove(key);
            return null;
        }
        if (keepNanos > 0 && changes.get() == seen) {
            if (kept.size() >= max) {
                kept.clear();
            }
            kept.put(key, new Kept<>(value, now, seen));
        }
        return value;
    }

    /**
     * Something the answers depend on changed: forgets them now (a read already running is not
     * kept) and again when the running transaction ends (a read in between saw the change
     * uncommitted, that is, not at all).
     */
    public void forgetAll() {
        forgetNow();
        TransactionScope.whenEnded(this::forgetNow);
    }

    private void forgetNow() {
        changes.incrementAndGet();
        kept.clear();
    }
}
