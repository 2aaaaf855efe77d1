package org.yidan.simulation.control;

import org.yidan.policy.entity.CategoryPeriod;
import org.yidan.policy.entity.DiseaseApproval;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.settlement.control.SettlementRequest;
import org.yidan.settlement.control.StoredRequests;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads the bills a simulation replays from the settlements: a county's settled (not reversed) bills discharged in the
 * period, in discharge order (then in the order they were settled), each with the categories the settlement stored
 * and the chronic-disease approvals the registry knows on the discharge date. Three statements, each read once; the
 * server runs them through JPA, the benchmark through JDBC.
 */
public final class StoredBills {

    /** Runs a query with positional parameters {@code ?1, ?2, …} (each once, in order) and answers its rows. */
    @FunctionalInterface
    public interface Rows {
        List<Object[]> query(String sql, Object... parameters);
    }

    private static final String PERIOD = "county = ?1 and status = 'SETTLED' and discharge_date between ?2 and ?3";

    private StoredBills() {
    }

    public static List<ReplayBill> read(Rows db, String county, LocalDate from, LocalDate to) {
        Object[] period = {county, Date.valueOf(from), Date.valueOf(to)};
        Map<String, List<DiseaseApproval>> diseases = new HashMap<>();
        for (Object[] columns : db.query("select d.id_number, d.code, d.approved_on from beneficiary_disease d"
                + " where d.id_number in (select id_number from settlement where " + PERIOD + ")", period)) {
            diseases.computeIfAbsent(((String) columns[0]).trim(), id -> new ArrayList<>())
                    .add(new DiseaseApproval((String) columns[1], date(columns[2])));
        }
        Map<String, LocalDate> exits = new HashMap<>();
        for (Object[] columns : db.query("select b.id_number, b.exited_on from beneficiary b"
                + " where b.exited_on is not null and b.id_number in (select id_number from settlement where "
                + PERIOD + ")", period)) {
            exits.put(((String) columns[0]).trim(), date(columns[1]));
        }
        List<Object[]> rows = db.query("select receipt_no, id_number, request_json::text, person_categories"
                + " from settlement where " + PERIOD + " order by discharge_date, settled_at, receipt_no", period);
        // one String per person, so that the replay's per-person lookups hash each ID number once
        Map<String, String> idNumbers = new HashMap<>();
        for (Object[] columns : rows) {
            columns[1] = idNumbers.computeIfAbsent(((String) columns[1]).trim(), id -> id);
        }
        // parsing the stored requests is most of the reading's work, and each stands alone: on every core
        return IntStream.range(0, rows.size()).parallel().mapToObj(i -> {
            Object[] columns = rows.get(i);
            String idNumber = (String) columns[1];
            SettlementRequest request = StoredRequests.read((String) columns[2]);
            LocalDate discharge = request.bill().dischargeDate();
            LocalDate exited = exits.get(idNumber);
            PersonSnapshot person = exited != null && !discharge.isBefore(exited)
                    ? PersonSnapshot.of(Set.of(), Set.of())
                    : PersonSnapshot.asOf(discharge, heldOn(discharge, (String) columns[3]),
                    diseases.getOrDefault(idNumber, List.of()));
            return new ReplayBill((String) columns[0], idNumber, person, request.bill());
        }).toList();
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
