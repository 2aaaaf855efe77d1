package org.yidan.simulation.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.yidan.policy.entity.CategoryPeriod;
import org.yidan.policy.entity.DiseaseApproval;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.settlement.control.SettlementRequest;
import org.yidan.settlement.control.StoredRequests;
import org.yidan.simulation.control.ReplayBill;
import org.yidan.simulation.control.RunStates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The county's settled (not reversed) bills discharged in the period, in discharge order (then in the order they
     * were settled), each with the categories the settlement stored and the chronic-disease approvals the registry
     * knows on the discharge date.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ReplayBill> bills(String county, LocalDate from, LocalDate to) {
        String period = "county = ?1 and status = 'SETTLED' and discharge_date between ?2 and ?3";
        Map<String, List<DiseaseApproval>> diseases = new HashMap<>();
        for (Object row : em.createNativeQuery("select d.id_number, d.code, d.approved_on from beneficiary_disease d"
                        + " where d.id_number in (select id_number from settlement where " + period + ")")
                .setParameter(1, county).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to))
                .getResultList()) {
            Object[] columns = (Object[]) row;
            diseases.computeIfAbsent(((String) columns[0]).trim(), id -> new ArrayList<>())
                    .add(new DiseaseApproval((String) columns[1], date(columns[2])));
        }
        Map<String, LocalDate> exits = new HashMap<>();
        for (Object row : em.createNativeQuery("select b.id_number, b.exited_on from beneficiary b"
                        + " where b.exited_on is not null and b.id_number in (select id_number from settlement where "
                        + period + ")")
                .setParameter(1, county).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to))
                .getResultList()) {
            Object[] columns = (Object[]) row;
            exits.put(((String) columns[0]).trim(), date(columns[1]));
        }
        List<ReplayBill> bills = new ArrayList<>();
        for (Object row : em.createNativeQuery("select receipt_no, id_number, request_json::text, person_categories"
                        + " from settlement where " + period + " order by discharge_date, settled_at, receipt_no")
                .setParameter(1, county).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to))
                .getResultList()) {
            Object[] columns = (Object[]) row;
            String idNumber = ((String) columns[1]).trim();
            SettlementRequest request = StoredRequests.read((String) columns[2]);
            LocalDate discharge = request.bill().dischargeDate();
            LocalDate exited = exits.get(idNumber);
            PersonSnapshot person = exited != null && !discharge.isBefore(exited)
                    ? PersonSnapshot.of(Set.of(), Set.of())
                    : PersonSnapshot.asOf(discharge, heldOn(discharge, (String) columns[3]),
                    diseases.getOrDefault(idNumber, List.of()));
            bills.add(new ReplayBill((String) columns[0], idNumber, person, request.bill()));
        }
        return bills;
    }

    /** The categories the settlement stored as held on its discharge date (the registry may have changed since). */
    private static List<CategoryPeriod> heldOn(LocalDate discharge, String codes) {
        List<CategoryPeriod> held = new ArrayList<>();
        for (String code : codes == null ? new String[0] : codes.split(",")) {
            if (!code.isBlank()) {
                held.add(new CategoryPeriod(PersonCategory.valueOf(code.trim()), discharge, discharge));
            }
        }
        return held;
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
