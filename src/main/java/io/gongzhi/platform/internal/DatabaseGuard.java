package io.gongzhi.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The connection pool as the application sees it, refusing at once while the database is known
 * to be away. The pool alone makes every caller wait its whole connection timeout for a database
 * that has gone, and under load the requests queued behind them wait longer still, so a short
 * outage would hold the node's every thread. Once a connection could not be had because the
 * database is unreachable, callers are refused at once (with that reason); every second one caller
 * tries the pool again while the others are still refused, and the first connection it gets ends
 * the outage. Readiness, requests, scheduled work and listeners all see the same state: the node
 * answers fast while the database is away and comes back with it, without a restart.
 */
final class DatabaseGuard extends DelegatingDataSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGuard.class);

    /** Since when the database is away, why, and when the pool may be tried again. */
    private record Outage(Instant since, SQLException reason, long nextTry) {
    }

    @FunctionalInterface
    private interface Opening {
        Connection open() throws SQLException;
    }

    private final AtomicReference<Outage> outage = new AtomicReference<>();
    private final AtomicBoolean trying = new AtomicBoolean();
    private final long retryNanos;

    DatabaseGuard(DataSource pool, Duration retryEvery) {
        super(pool);
        this.retryNanos = retryEvery.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(() -> obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connect(() -> obtainTargetDataSource().getConnection(username, password));
    }

    /** Whether the database is known to be away. */
    boolean away() {
        return outage.get() != null;
    }

    private Connection connect(Opening opening) throws SQLException {
        Outage known = outage.get();
        boolean trial = false;
        if (known != null) {
            if (System.nanoTime() - known.nextTry() < 0 || !trying.compareAndSet(false, true)) {
                throw new SQLTransientConnectionException("The database has been unreachable since " + known.since()
                        + "; it is tried again every second", "08001", known.reason());
            }
            trial = true;
        }
        try {
            Connection connection = opening.open();
            // Only the trial ends an outage: a caller that set out before it began may still have been handed a connection.
            if (trial) {
                back();
            }
            return connection;
        } catch (SQLException failure) {
            if (DatabaseFailures.unreachable(failure)) {
                away(failure);
            }
            throw failure;
        } finally {
            if (trial) {
                trying.set(false);
            }
        }
    }

    private void away(SQLException reason) {
        long nextTry = System.nanoTime() + retryNanos;
        Outage before = outage.getAndUpdate(o -> new Outage(o == null ? Instant.now() : o.since(), reason, nextTry));
        if (before == null) {
            log.warn("The database cannot be reached ({}); what needs it is refused at once (503) until it can", oneLine(reason));
        }
    }

    private void back() {
        Outage before = outage.getAndSet(null);
        if (before != null) {
            log.warn("The database can be reached again, after {} s away", Duration.between(before.since(), Instant.now()).toSeconds());
        }
    }

    private static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Closes the pool when the application stops: the bean's destroy method is looked for on this wrapper. */
    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
