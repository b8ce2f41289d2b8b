package io.gongzhi.platform.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a database that cannot be reached (stopped, restarting, cut off) and a pool with no
 * connection to spare from every other failure, wherever they sit in a chain of causes: Spring
 * wraps them in its own exceptions, a filter or a template in others. Either is a passing state
 * of the node, to be answered 503, not a fault of the request (500).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** The database could not be reached, or the connection to it broke. */
    public static boolean unreachable(Throwable failure) {
        for (Throwable t : causes(failure)) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every connection of the pool stayed taken for as long as a caller waits for one: the database
     * is there but the node is too busy (the pool says so without a cause; with one, it could not
     * connect, which {@link #unreachable} tells).
     */
    public static boolean poolExhausted(Throwable failure) {
        return !unreachable(failure) && causes(failure).stream().anyMatch(SQLTransientConnectionException.class::isInstance);
    }

    /**
     * Class 08 is the SQL standard's connection exception; 57P01-57P03 are PostgreSQL's server
     * shutting down, crashed or still starting, after which the connection is gone too.
     */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    private static List<Throwable> causes(Throwable failure) {
        var chain = new ArrayList<Throwable>();
        for (Throwable t = failure; t != null && chain.size() < 32 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
