package org.yidan.platform.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One log line per kind of outage instead of one stack trace per request: during a failover hundreds
 * of requests a second fail the same way, and a trace each wrote hundreds of megabytes in a minute.
 * A kind is logged when first seen and then at most once a minute, with how many were not logged.
 */
public final class OutageLog {

    private static final Duration QUIET = Duration.ofMinutes(1);
    private static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();

    private OutageLog() {
    }

    public static void failure(Logger log, String kind, String what) {
        long now = System.nanoTime();
        Seen seen = SEEN.computeIfAbsent(kind, k -> new Seen());
        synchronized (seen) {
            if (seen.lastLogged != 0 && now - seen.lastLogged < QUIET.toNanos()) {
                seen.suppressed.incrementAndGet();
                return;
            }
            long suppressed = seen.suppressed.getAndSet(0);
            seen.lastLogged = now;
            log.log(Level.WARNING, () -> "Database unavailable (" + kind + "): " + what
                    + (suppressed > 0 ? " [" + suppressed + " more of this kind in the last minute not logged]" : ""));
        }
    }

    /**
     * Payara's connection pool logs each failed connection or commit at WARNING or SEVERE, many with a stack
     * trace: during a failover that is one trace per request. This filter keeps the first record of each kind
     * (logger and message) per minute, without its stack trace.
     */
    public static void quietServerLoggers() {
        for (String name : SERVER_LOGGERS) {
            Logger logger = Logger.getLogger(name);
            if (!(logger.getFilter() instanceof OnceAMinute)) {
                logger.setFilter(new OnceAMinute());
            }
        }
    }

    private static final String[] SERVER_LOGGERS = {
            "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource",
            "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.allocator",
            "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.pool",
            "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.rm",
            "javax.enterprise.resource.resourceadapter.com.sun.enterprise.connectors",
            "javax.enterprise.resource.resourceadapter.com.sun.gjc.spi",
            "javax.enterprise.resource.resourceadapter.com.sun.gjc.spi.jdbc",
            "javax.enterprise.resource.jta.com.sun.enterprise.transaction",
            // the EJB container logs every system exception of a bean with its stack trace
            "jakarta.enterprise.ejb.container"};

    private static final class OnceAMinute implements java.util.logging.Filter {
        @Override
        public boolean isLoggable(java.util.logging.LogRecord record) {
            if (record.getLevel().intValue() < Level.WARNING.intValue()) {
                return true;
            }
            String message = String.valueOf(record.getMessage());
            String kind = record.getLoggerName() + ":" + message.substring(0, Math.min(40, message.length()));
            long now = System.nanoTime();
            Seen seen = SEEN.computeIfAbsent(kind, k -> new Seen());
            synchronized (seen) {
                if (seen.lastLogged != 0 && now - seen.lastLogged < QUIET.toNanos()) {
                    seen.suppressed.incrementAndGet();
                    return false;
                }
                seen.lastLogged = now;
                long suppressed = seen.suppressed.getAndSet(0);
                if (record.getThrown() != null) {
                    Throwable thrown = record.getThrown();
                    record.setThrown(null);
                    record.setMessage(message + " [" + thrown + "]");
                }
                if (suppressed > 0) {
                    record.setMessage(record.getMessage() + " [" + suppressed + " more in the last minute not logged]");
                }
                return true;
            }
        }
    }

    private static final class Seen {
        long lastLogged;
        final AtomicLong suppressed = new AtomicLong();
    }
}
