package org.yidan.simulation.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.yidan.simulation.control.ReplayBill;
import org.yidan.simulation.control.RunStates;
import org.yidan.simulation.control.StoredBills;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    /** The bills the simulation replays ({@link StoredBills}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ReplayBill> bills(String county, LocalDate from, LocalDate to) {
        return StoredBills.read((sql, parameters) -> {
            Query query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            for (Object row : query.getResultList()) {
                rows.add((Object[]) row);
            }
            return rows;
        }, county, from, to);
    }
}
