package io.gongzhi.casework.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the case loop's steps so that steps arriving together share one commit. A step taken by
 * one caller is one transaction's worth of small statements; what it costs the database is
 * mostly the commit (a WAL flush) and the audit chain's head, which stays locked until the
 * commit. A few writer threads each take whatever steps are waiting (never waiting for more),
 * run them one after another in one transaction, commit, and only then answer each caller, so
 * nobody hears "done" before their step is durable. Under light load a batch is one step and
 * nothing changes; under heavy load one commit and one audit-chain lock serve dozens of steps,
 * and the cases they are on are read in one round trip ({@link #beforeEachBatch}).
 * <p>
 * A step that fails (bad input, a step not allowed now, a lost race) rolls the whole batch back;
 * its caller gets its exception, and the others run again without it: a step sees exactly the
 * steps committed before it, as if alone. Steps must publish their events after their last
 * check, as {@code Cases} does, so a failing step has published nothing. A step may also leave
 * a write for the batch to send with the others just before the commit ({@link #inBatch},
 * {@link #currentStep}); when that write is refused (a case changed meanwhile), it throws a
 * {@link LateRefusal} naming the step, and the batch runs again without that step as above; its
 * events were published only in the transaction that rolled back, so nobody hears of them.
 * Inside a running transaction (a test's, another service's) a step simply joins it.
 */
@Component
public class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** A step's work and the case it is on ({@code null}: none yet, as for a report), which its batch may read ahead. */
    public record Work<T>(Long key, Supplier<T> work) {
    }

    private final TransactionTemplate transactions;
    private final int writers;
    private final int maxBatch;
    private final BlockingQueue<QueuedStep> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private static final ThreadLocal<Boolean> WRITER = ThreadLocal.withInitial(() -> false);
    private static final ThreadLocal<Object> STEP = new ThreadLocal<>();
    private volatile boolean running;
    private volatile Consumer<List<Long>> readAhead = keys -> {
    };

    GroupCommit(PlatformTransactionManager transactionManager,
                @Value("${gongzhi.casework.writers:2}") int writers,
                @Value("${gongzhi.casework.batch:64}") int maxBatch) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.writers = Math.max(0, writers);
        this.maxBatch = Math.max(1, maxBatch);
    }

    /**
     * Sets what each batch does first, in its transaction, with the cases its steps are on: one
     * read of them all, say, instead of one per step.
     */
    public void beforeEachBatch(Consumer<List<Long>> readAhead) {
        this.readAhead = readAhead;
    }

    /** Runs {@code work} in a transaction shared with other callers' steps; returns after the commit. */
    public <T> T run(Supplier<T> work) {
        return run(null, work);
    }

    /** Runs a step on case {@code key} in a transaction shared with other callers' steps; returns after the commit. */
    public <T> T run(Long key, Supplier<T> work) {
        Result<T> result = runEach(List.of(new Work<>(key, work))).get(0);
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.value();
    }

    /**
     * True while a batch's step runs on this thread: a write it leaves for the commit goes out
     * with the batch's (the caller hears of its step only after that commit).
     */
    public static boolean inBatch() {
        return STEP.get() != null;
    }

    /** The step running on this thread in a batch, for a {@link LateRefusal} of a write it left for the commit; null outside one. */
    public static Object currentStep() {
        return STEP.get();
    }

    /** What one of several steps came to: its answer, or why it was refused. */
    public record Result<T>(T value, RuntimeException failure) {
    }

    /**
     * Runs each piece of work as its own step (one refused step leaves the others standing),
     * letting them share commits; answers once all are committed, in the order given.
     */
    @SuppressWarnings("unchecked")
    public <T> List<Result<T>> runEach(List<Work<T>> works) {
        if (TransactionSynchronizationManager.isActualTransactionActive() || WRITER.get()) {
            return alone(works);
        }
        if (!running) {
            // before the writers start (reactions outstanding from before a restart run first) and after they stop:
            // one caller at a time, each step a transaction of its own, so callers never crowd the requests out of the pool
            synchronized (queue) {
                return alone(works);
            }
        }
        var jobs = works.stream().map(QueuedStep::of).toList();
        var results = new ArrayList<Result<T>>(works.size());
        queue.addAll(jobs);
        for (QueuedStep job : jobs) {
            try {
                results.add(new Result<>((T) job.result().join(), null));
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException refused) {
                    results.add(new Result<>(null, refused));
                } else if (failed.getCause() instanceof Error error) {
                    throw error;
                } else {
                    throw failed;
                }
            }
        }
        return results;
    }

    /** Runs each step in a transaction of its own on the caller's thread (joining the caller's transaction if it has one). */
    private <T> List<Result<T>> alone(List<Work<T>> works) {
        var results = new ArrayList<Result<T>>(works.size());
        for (Work<T> work : works) {
            try {
                results.add(new Result<>(transactions.execute(status -> work.work().get()), null));
            } catch (RuntimeException refused) {
                results.add(new Result<>(null, refused));
            }
        }
        return results;
    }

    private void write() {
        WRITER.set(true);
        var batch = new ArrayList<QueuedStep>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                QueuedStep first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException unexpected) {
                log.error("Case writer: a batch of {} steps failed", batch.size(), unexpected);
                batch.forEach(j -> j.result().completeExceptionally(unexpected));
            } finally {
                batch.clear();
            }
        }
    }

    /** Commits the batch; a failing step is answered with its exception and the batch runs again without it. */
    private void commit(List<QueuedStep> batch) {
        var pending = new ArrayList<>(batch);
        while (!pending.isEmpty()) {
            Attempt attempt;
            try {
                attempt = attempt(pending);
            } catch (LateRefusal late) {
                int at = pending.indexOf(late.step());
                if (at < 0) {
                    pending.forEach(j -> j.result().completeExceptionally(late.refusal()));
                    return;
                }
                pending.remove(at).result().completeExceptionally(late.refusal());
                continue;
            }
            if (attempt.failure() == null) {
                for (int i = 0; i < pending.size(); i++) {
                    pending.get(i).result().complete(attempt.results().get(i));
                }
                return;
            }
            if (attempt.failedAt() < 0) {
                pending.forEach(j -> j.result().completeExceptionally(attempt.failure()));
                return;
            }
            pending.remove(attempt.failedAt()).result().completeExceptionally(attempt.failure());
        }
    }

    /**
     * What one try at a batch gave: each step's result, or the first step that failed and why
     * ({@code failedAt} -1 with a failure: the commit failed with no step to blame).
     */
    private record Attempt(List<Object> results, int failedAt, RuntimeException failure) {
    }

    /** Runs the steps in one transaction, stopping (and rolling back) at the first that fails. */
    private Attempt attempt(List<QueuedStep> pending) {
        var results = new ArrayList<Object>(pending.size());
        int[] failedAt = {-1};
        RuntimeException[] failure = {null};
        try {
            transactions.executeWithoutResult(status -> {
                readAhead.accept(pending.stream().map(job -> job.work().key()).filter(java.util.Objects::nonNull).distinct().toList());
                for (int i = 0; i < pending.size(); i++) {
                    try {
                        results.add(pending.get(i).runAsCaller(STEP));
                    } catch (RuntimeException e) {
                        failedAt[0] = i;
                        failure[0] = e;
                        status.setRollbackOnly();
                        return;
                    }
                }
            });
        } catch (LateRefusal late) {
            throw late;
        } catch (RuntimeException commitFailed) {
            if (failedAt[0] < 0) {
                return new Attempt(results, -1, commitFailed);
            }
            // a step marked the transaction rollback-only inside a nested @Transactional method
        }
        return new Attempt(results, failedAt[0], failure[0]);
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(this::write, "case-writer-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    /** Stops taking new steps (they run on the caller's thread) and finishes those queued. */
    @Override
    public void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        for (QueuedStep left = queue.poll(); left != null; left = queue.poll()) {
            commit(new ArrayList<>(List.of(left)));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
