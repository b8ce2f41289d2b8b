package io.gongzhi.emergency.internal;

import io.gongzhi.emergency.DirectiveAcknowledged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes acknowledgements so that those arriving together share one commit: when 200,000
 * compounds answer a city-wide directive within minutes, what each one costs the database is
 * mostly its own transaction. A few writer threads ({@code gongzhi.emergency.ack-writers}, 2) each
 * take whatever acknowledgements wait (never waiting for more, at most
 * {@code gongzhi.emergency.ack-batch}, 256), mark them in one JDBC batch, publish
 * {@link DirectiveAcknowledged} for each row that changed, commit, and only then answer each
 * caller, so nobody hears "acknowledged" before it is durable. A unit already acknowledged (by a
 * retry in the same batch or before) changes nothing and publishes nothing. Inside a running
 * transaction (a report acknowledging its unit, a test's), the rows are simply written in it.
 */
@Component
class AcknowledgementWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementWriter.class);
    private static final String UPDATE = "update emergency_recipient set acknowledged_at = ?, acknowledged_by = ? "
            + "where directive_id = ? and unit_code = ? and acknowledged_at is null";

    /** One unit to mark: its directive, its code and path, whether it comes late, who and when. */
    record Ack(long directive, String unit, String path, boolean late, String by, Instant at) {
    }

    private record Waiting(List<Ack> acks, CompletableFuture<Integer> done) {
    }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final int writers;
    private final int maxBatch;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    AcknowledgementWriter(JdbcTemplate jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
                          @Value("${gongzhi.emergency.ack-writers:2}") int writers, @Value("${gongzhi.emergency.ack-batch:256}") int maxBatch) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.writers = Math.max(0, writers);
        this.maxBatch = Math.max(1, maxBatch);
    }

    /** Marks the units acknowledged; answers how many were not before. Returns after the commit. */
    int write(List<Ack> acks) {
        if (acks.isEmpty()) {
            return 0;
        }
        if (!running || writers == 0 || TransactionSynchronizationManager.isActualTransactionActive()) {
            return transactions.execute(status -> mark(acks));
        }
        var waiting = new Waiting(acks, new CompletableFuture<>());
        queue.add(waiting);
        try {
            return waiting.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Marks the rows in one batch and publishes an event for each that changed; answers how many did. */
    private int mark(List<Ack> acks) {
        int[] changed = jdbc.batchUpdate(UPDATE, acks, acks.size(), (ps, a) -> {
            ps.setTimestamp(1, Timestamp.from(a.at()));
            ps.setString(2, a.by());
            ps.setLong(3, a.directive());
            ps.setString(4, a.unit());
        })[0];
        int count = 0;
        for (int i = 0; i < acks.size(); i++) {
            if (changed[i] == 1) {
                Ack a = acks.get(i);
                count++;
                events.publishEvent(new DirectiveAcknowledged(DirectiveAcknowledged.SCHEMA, UUID.randomUUID(), a.directive(), a.unit(), a.path(),
                        a.late(), a.by(), a.at()));
            }
        }
        return count;
    }

    private void loop() {
        var batch = new ArrayList<Waiting>();
        while (running || !queue.isEmpty()) {
            try {
                Waiting first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int rows = first.acks().size();
                while (rows < maxBatch && queue.peek() != null) {
                    Waiting next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    rows += next.acks().size();
                }
                run(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void run(List<Waiting> batch) {
        var counts = new int[batch.size()];
        try {
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch.size(); i++) {
                    counts[i] = mark(batch.get(i).acks());
                }
            });
        } catch (RuntimeException e) {
            log.warn("a batch of {} acknowledgements failed: {}", batch.size(), e.toString());
            batch.forEach(w -> w.done().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(counts[i]);
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(this::loop, "ack-writer-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
