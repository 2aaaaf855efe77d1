package org.yidan.reports.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.yidan.platform.boundary.DatabaseMigration;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds the journal's bookings to the report's kept cells every second, after they committed (V23), so that
 * no settlement upserts a cell or waits for another's cell lock in its own transaction. Every second rather than
 * every two: a drain is a burst of PostgreSQL CPU (about 70 ms for the 600 settlements of two seconds at 300 per
 * second), and the settlements it overlaps wait for the CPU; the settlement benchmark's slowest 1 % ended in the
 * 400 ms after a two-second tick half of the time. Halving the batch halves that burst. A report drains what is
 * left before it reads ({@link SettledFacts#aggregates}), so the timer only keeps that remainder small. With two
 * instances both timers run; the database lets one drain at a time and the other returns at once.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
// a drain that outlasts the second does not hold the next timeouts in a queue for the singleton's lock: the next one
// runs beside it, finds the database's drain lock taken and returns at once
@Lock(LockType.READ)
public class KeptCellsDrain {

    private static final Logger LOG = Logger.getLogger(KeptCellsDrain.class.getName());

    @Inject
    SettledFacts facts;

    /** Set once the schema is migrated: before that there is nothing to drain into (the database may be away). */
    private volatile boolean schemaReady;

    public void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 60) DatabaseMigration.SchemaReady ready) {
        schemaReady = true;
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    public void drain() {
        if (!schemaReady) {
            return;
        }
        try {
            while (facts.drainKeptCells() == SettledFacts.DRAIN_BATCH) {
                // a backlog (a bulk load, a long outage of the timer): the next batch in a transaction of its own
            }
        } catch (RuntimeException failure) {
            // the database is away or not migrated yet: the next run tries again, a report drains before it reads
            LOG.log(Level.FINE, "Draining the report's kept cells failed", failure);
        }
    }
}
