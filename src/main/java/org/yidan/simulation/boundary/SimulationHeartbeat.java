package org.yidan.simulation.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.yidan.platform.boundary.DatabaseMigration;
import org.yidan.simulation.control.RunStates;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the runs this server holds alive in the database and ends the runs whose server is gone
 * ({@link RunStates}): once when the schema is ready at start-up (a run the previous start left behind ends as
 * soon as its heartbeat is old enough; reading it ends it too), and every 20 seconds.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SimulationHeartbeat {

    private static final Logger LOG = Logger.getLogger(SimulationHeartbeat.class.getName());

    @Inject
    SimulationRunner runner;

    @Inject
    SimulationWork work;

    public void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 50) DatabaseMigration.SchemaReady ready) {
        sweep();
    }

    /** Every {@link RunStates#HEARTBEAT_EVERY}. */
    @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
    public void beat() {
        sweep();
    }

    private void sweep() {
        try {
            // this server's own runs first, so that a late timer never ends a run that is still going here
            runner.held().forEach(work::beat);
            int interrupted = work.interruptStale();
            if (interrupted > 0) {
                LOG.warning(() -> interrupted + " simulation(s) had no server any more and ended as interrupted");
            }
        } catch (RuntimeException failure) {
            // the database is away: the next beat tries again, and the outage is reported elsewhere
            LOG.log(Level.FINE, "Simulation heartbeat failed", failure);
        }
    }
}
