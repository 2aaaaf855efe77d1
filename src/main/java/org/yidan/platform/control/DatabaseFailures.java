package org.yidan.platform.control;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database outage (restart, failover, network) from every other failure, so that a request
 * caught in one answers 503 {@code DATABASE_UNAVAILABLE} with {@code Retry-After} instead of 500.
 * <p>
 * Such a failure reaches the application wrapped in EclipseLink, JTA, EJB and connection-pool
 * exceptions whose types say little; what is reliable is somewhere in the cause chain: a SQL state of
 * class 08 (connection exception), the server shutting down or starting (57P01–57P03), a write sent to
 * a standby during failover (25006), or the pool/socket failing to reach the server at all.
 */
public final class DatabaseFailures {

    /** SQL states that mean "the database is not there right now", not "the request is wrong". */
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", // admin_shutdown: the server is stopping (restart, failover)
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now: the server is starting or recovering
            "53300", // too_many_connections: transient by nature
            "25006"  // read_only_sql_transaction: still connected to a node that was demoted to standby
    );

    /** Connection-pool exceptions of the application server, named because their classes are not in the WAR. */
    private static final Set<String> POOL_FAILURES = Set.of(
            "com.sun.appserv.connectors.internal.api.PoolingException",
            "jakarta.resource.spi.ResourceAllocationException",
            "jakarta.resource.ResourceException");

    private DatabaseFailures() {
    }

    /** Whether {@code thrown} (or anything it was caused by) says the database is unreachable. */
    public static boolean isUnavailable(Throwable thrown) {
        return kind(thrown).isPresent();
    }

    /**
     * A short, stable name of the outage ({@code "SQLState 08001"}, {@code "PoolingException"}, ...) for a
     * log line that is written once per kind, or empty when {@code thrown} is not an outage.
     */
    public static Optional<String> kind(Throwable thrown) {
        Throwable current = thrown;
        for (int depth = 0; depth < 20 && current != null; depth++) {
            if (current instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                    return Optional.of("SQLState " + state);
                }
                if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException) {
                    return Optional.of(sql.getClass().getSimpleName());
                }
                if (state == null && sql.getMessage() != null
                        && sql.getMessage().startsWith("Error in allocating a connection")) {
                    return Optional.of("no connection from the pool");
                }
            }
            if (current instanceof ConnectException || current instanceof SocketTimeoutException
                    || current instanceof SocketException) {
                return Optional.of(current.getClass().getSimpleName());
            }
            if (isA(current, POOL_FAILURES)) {
                return Optional.of(current.getClass().getSimpleName());
            }
            if (current instanceof jakarta.transaction.SystemException
                    || current instanceof jakarta.transaction.RollbackException) {
                // the one local resource (PostgreSQL) failed at commit: the connection went away, and whether the
                // commit happened is unknown; a retry with the same Idempotency-Key finds out and settles once
                return Optional.of("commit failed");
            }
            Throwable next = next(current);
            current = next == current ? null : next;
        }
        return Optional.empty();
    }

    private static boolean isA(Throwable thrown, Set<String> classNames) {
        for (Class<?> type = thrown.getClass(); type != null; type = type.getSuperclass()) {
            if (classNames.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable current) {
        if (current instanceof jakarta.ejb.EJBException ejb && ejb.getCausedByException() != null) {
            return ejb.getCausedByException();
        }
        if (current instanceof SQLException sql && sql.getNextException() != null && sql.getCause() == null) {
            return sql.getNextException();
        }
        return current.getCause();
    }
}
