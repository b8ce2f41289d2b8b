package io.gongzhi.emergency.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The responses in force, which every page's banner asks about: read once and kept a few
 * seconds ({@code gongzhi.emergency.keep}), forgotten on this node as soon as a change to them
 * commits here. A change made on another node shows here within the keep.
 */
@Component
public class InForce {

    private record Snapshot(List<Responses.Response> responses, long readAt) {
    }

    private final JdbcClient jdbc;
    private final long keepNanos;
    private volatile Snapshot snapshot;

    InForce(JdbcClient jdbc, @Value("${gongzhi.emergency.keep:PT5S}") Duration keep) {
        this.jdbc = jdbc;
        this.keepNanos = keep.toNanos();
    }

    /** Every response in force, the most severe first. */
    public List<Responses.Response> all() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.readAt() > keepNanos) {
            var read = jdbc.sql("select * from emergency_response where stood_down_at is null").query(Responses::row).list().stream()
                    .sorted(Comparator.comparingInt((Responses.Response r) -> r.level().rank()).thenComparing(Responses.Response::path)).toList();
            s = new Snapshot(read, System.nanoTime());
            snapshot = s;
        }
        return s.responses();
    }

    /** Reads them again at the next question (after a change made behind the module's back, as a test's clean-up). */
    public void forget() {
        snapshot = null;
    }

    /** A response changed in the current transaction: forget what is kept now and again once it commits. */
    void changed() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
    }
}
