package org.yidan.clearing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.yidan.clearing.control.ClearingPeriod;
import org.yidan.clearing.entity.Statement;
import org.yidan.platform.control.CountyClock;
import org.yidan.platform.control.JsonFactories;
import org.yidan.ledger.entity.LedgerEntryBooked;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        LocalDate today = CountyClock.today();
        JsonArrayBuilder keys = JsonFactories.array();
        List<String> candidates = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        funds.forEach((fund, amount) -> {
            keys.add(lockKey(entry.county(), fund, entry.hospitalCode()));
            candidates.add(String.join(" ", ClearingPeriod.candidates(entry.feeMonth(),
                    ClearingConfiguration.periodLength(entry.county(), fund), today)));
            amounts.add(amount.toPlainString());
        });
        // the locks, the lookup of confirmed periods and the lines in one call (V25), in that order
        Number written = (Number) em.createNamedQuery(Statement.BOOK_LINES)
                .setParameter(1, entry.entryId()).setParameter(2, entry.county())
                .setParameter(3, entry.hospitalCode()).setParameter(4, keys.build().toString())
                .setParameter(5, String.join(",", funds.keySet())).setParameter(6, String.join(",", candidates))
                .setParameter(7, String.join(",", amounts))
                .getSingleResult();
        if (written.intValue() != funds.size()) {
            throw new IllegalStateException("Entry " + entry.entryId() + " got " + written + " clearing lines where "
                    + funds.size() + " were due");
        }
    }
}
