package org.yidan.simulation.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.yidan.simulation.control.Replay;
import org.yidan.simulation.control.RunStates;
import org.yidan.simulation.control.SimulationResult;
import org.yidan.simulation.control.StoredBills;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The steps of a running simulation, each its own short transaction, so that progress shows while it runs and a
 * cancellation (another transaction setting CANCELLED) is seen at the next step. Reads settlements and the registry;
 * writes only the simulation row.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SimulationWork {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/yidan")
    DataSource dataSource;

    /** @return whether it started (it was still QUEUED: not cancelled meanwhile) */
    public boolean begin(long id) {
        return RunStates.begin(updates(em), id);
    }

    /** @return whether to go on: false once the simulation was cancelled */
    public boolean progress(long id, int done, int total) {
        BigDecimal progress = total == 0 ? BigDecimal.ONE
                : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(total), 4, RoundingMode.DOWN);
        return RunStates.progress(updates(em), id, progress, total);
    }

    /** @return whether the result was kept: false when a cancellation came first */
    public boolean finish(long id, String resultJson) {
        return RunStates.finish(updates(em), id, resultJson);
    }

    public void fail(long id, String why) {
        RunStates.fail(updates(em), id, why);
    }

    /** The running server's heartbeat for the runs it holds (see {@link RunStates}). */
    public void beat(long id) {
        RunStates.beat(updates(em), id);
    }

    /** Ends the runs whose server is gone; answers how many. */
    public int interruptStale() {
        return RunStates.interruptStale(updates(em));
    }

    /** {@link RunStates}' statements through JPA, in the caller's transaction. */
    static RunStates.Updates updates(EntityManager em) {
        return (sql, parameters) -> {
            Query query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        };
    }

    /**
     * Replays the period's bills ({@link StoredBills#source}) as they are read over one connection of the
     * application's pool rather than through JPA: PostgreSQL streams them by COPY, nothing is mapped, and each bill
     * is let go once both policies replayed it. Outside a transaction: a read of a few seconds that writes nothing
     * needs none.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SimulationResult replay(String county, LocalDate from, LocalDate to,
                                   Function<Replay.Source, SimulationResult> replay) {
        try (Connection connection = dataSource.getConnection()) {
            return replay.apply(StoredBills.source(StoredBills.over(connection), county, from, to));
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
