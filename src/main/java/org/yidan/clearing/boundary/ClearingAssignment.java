package org.yidan.clearing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.yidan.clearing.control.ClearingPeriod;
import org.yidan.clearing.entity.Statement;
import org.yidan.ledger.entity.LedgerEntryBooked;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Assigns each journal entry, as it is booked and inside the same transaction, to the statement it belongs to
 * (back-office.md "Clearing"): that of the period holding its fee month (the month, or its quarter where the county
 * clears the fund by quarter, {@link ClearingConfiguration}), or when that one was already confirmed, the first
 * later period of the same fund and hospital that is not.
 * <p>
 * The booking holds a shared advisory lock per county, fund and hospital until it commits, and confirming a
 * statement takes the same lock exclusively: a confirmation waits for bookings in flight and then sees their
 * lines (and refuses an outdated draft), a booking that comes after a confirmation sees it confirmed.
 */
@ApplicationScoped
public class ClearingAssignment {

    @PersistenceContext
    EntityManager em;

    /** The advisory lock key of a county, fund and hospital; a collision only makes someone wait. */
    static String lockKey(String county, String fund, String hospitalCode) {
        return "clearing:" + county + ":" + fund + ":" + hospitalCode;
    }

    void onEntry(@Observes LedgerEntryBooked entry) {
        if (entry.funds().isEmpty()) {
            return;
        }
        Map<String, BigDecimal> funds = new TreeMap<>(entry.funds());
        List<String> keys = new ArrayList<>();
        funds.keySet().forEach(fund -> keys.add(lockKey(entry.county(), fund, entry.hospitalCode())));
        em.createNamedQuery(Statement.LOCK_FOR_BOOKING)
                .setParameter(1, String.join("|", keys)).getSingleResult();
        // closed periods from the fee month's year on: months (2018-04) and quarters (2018-Q2) both sort after "2018-"
        @SuppressWarnings("unchecked")
        List<Object[]> closed = em.createNamedQuery(Statement.CLOSED_PERIODS_FROM)
                .setParameter(1, entry.county()).setParameter(2, entry.hospitalCode())
                .setParameter(3, entry.feeMonth().substring(0, 5)).setParameter(4, String.join(",", funds.keySet()))
                .getResultList();
        Map<String, Set<String>> closedByFund = new HashMap<>();
        for (Object[] row : closed) {
            closedByFund.computeIfAbsent((String) row[0], f -> new HashSet<>()).add(((String) row[1]).trim());
        }
        List<String> periods = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        funds.forEach((fund, amount) -> {
            periods.add(ClearingPeriod.assign(entry.feeMonth(), ClearingConfiguration.periodLength(entry.county(), fund),
                    closedByFund.getOrDefault(fund, Set.of())));
            amounts.add(amount.toPlainString());
        });
        em.createNamedQuery(Statement.ASSIGN_LINES)
                .setParameter(1, entry.entryId()).setParameter(2, entry.county())
                .setParameter(3, entry.hospitalCode()).setParameter(4, String.join(",", funds.keySet()))
                .setParameter(5, String.join(",", periods)).setParameter(6, String.join(",", amounts))
                .executeUpdate();
    }
}
