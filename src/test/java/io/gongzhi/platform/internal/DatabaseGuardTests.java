package io.gongzhi.platform.internal;

import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * A database found away is not waited for again: callers are refused at once, one caller a
 * second tries the pool, and the first connection it gets ends the outage. A pool that is merely
 * busy is no outage.
 */
class DatabaseGuardTests {

    /** A pool whose next answer the test decides, counting how often it is asked. */
    static class Pool extends AbstractDataSource {
        final AtomicInteger asked = new AtomicInteger();
        volatile SQLException failure;

        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return mock(Connection.class);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    /** As HikariCP says it: no connection within its timeout, for the last reason it could not open one. */
    static SQLException poolTimedOut(SQLException lastFailure) {
        return new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms",
                lastFailure == null ? null : lastFailure.getSQLState(), lastFailure);
    }

    static final SQLException REFUSED = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");

    @Test
    void onceTheDatabaseIsFoundAwayCallersAreRefusedAtOnceUntilOneTrialFindsItBack() throws Exception {
        var pool = new Pool();
        var guard = new DatabaseGuard(pool, Duration.ofSeconds(1));
        assertThat(guard.getConnection()).isNotNull();

        pool.failure = poolTimedOut(REFUSED);
        assertThatThrownBy(guard::getConnection).isSameAs(pool.failure);
        assertThat(guard.away()).isTrue();
        int asked = pool.asked.get();
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(guard::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                    .satisfies(refused -> assertThat(DatabaseFailures.unreachable(refused)).isTrue())
                    .hasRootCauseMessage("Connection to 127.0.0.1:5432 refused");
        }
        assertThat(pool.asked.get()).as("the pool is left alone meanwhile").isEqualTo(asked);

        Thread.sleep(1_100);
        assertThatThrownBy(guard::getConnection).as("a trial, still away").isSameAs(pool.failure);
        assertThat(pool.asked.get()).isEqualTo(asked + 1);
        assertThatThrownBy(guard::getConnection).as("and refused at once again").isInstanceOf(SQLTransientConnectionException.class);
        assertThat(pool.asked.get()).isEqualTo(asked + 1);

        pool.failure = null;
        assertThatThrownBy(guard::getConnection).as("not before the next trial is due").isInstanceOf(SQLTransientConnectionException.class);
        Thread.sleep(1_100);
        assertThat(guard.getConnection()).as("the trial finds it back").isNotNull();
        assertThat(guard.away()).isFalse();
        assertThat(guard.getConnection()).isNotNull();
    }

    @Test
    void aPoolThatIsOnlyBusyOrAFailureOfAnotherKindIsNoOutage() {
        var pool = new Pool();
        var guard = new DatabaseGuard(pool, Duration.ofSeconds(1));
        pool.failure = poolTimedOut(null);
        assertThatThrownBy(guard::getConnection).isSameAs(pool.failure);
        pool.failure = new SQLException("password authentication failed for user \"gongzhi\"", "28P01");
        assertThatThrownBy(guard::getConnection).isSameAs(pool.failure);
        assertThat(guard.away()).isFalse();
        pool.failure = null;
        assertThat(pool.asked.get()).isEqualTo(2);
    }

    @Test
    void unreachableIsToldFromOtherFailuresWhereverItIsWrapped() {
        var h2Broken = new SQLNonTransientConnectionException("Connection is broken", "90067", ErrorCode.CONNECTION_BROKEN_1);
        assertThat(DatabaseFailures.unreachable(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", h2Broken))).isTrue();
        assertThat(DatabaseFailures.unreachable(new CannotCreateTransactionException("Could not open JDBC Connection", poolTimedOut(REFUSED))))
                .isTrue();
        for (String state : new String[] {"08006", "08003", "57P01", "57P02", "57P03"}) {
            assertThat(DatabaseFailures.unreachable(new IllegalStateException(new SQLException("gone", state)))).as(state).isTrue();
        }
        assertThat(DatabaseFailures.unreachable(new IllegalStateException(new java.net.ConnectException("Connection refused")))).isTrue();

        var busy = new CannotCreateTransactionException("Could not open JDBC Connection", poolTimedOut(null));
        assertThat(DatabaseFailures.unreachable(busy)).isFalse();
        assertThat(DatabaseFailures.poolExhausted(busy)).isTrue();
        assertThat(DatabaseFailures.poolExhausted(poolTimedOut(REFUSED))).as("an outage, not a busy pool").isFalse();

        for (Throwable other : new Throwable[] {new SQLException("duplicate key", "23505"), new SQLException("syntax", "42601"),
                new IllegalStateException("no"), new RuntimeException((Throwable) null)}) {
            assertThat(DatabaseFailures.unreachable(other)).as(other.toString()).isFalse();
            assertThat(DatabaseFailures.poolExhausted(other)).as(other.toString()).isFalse();
        }
    }
}
