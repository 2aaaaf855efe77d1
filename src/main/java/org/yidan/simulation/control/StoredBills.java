package org.yidan.simulation.control;

import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.BillItem;
import org.yidan.policy.entity.CategoryPeriod;
import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.policy.entity.DiseaseApproval;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Hospital;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.VisitType;
import org.yidan.settlement.control.StoredRequests;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bills a simulation replays from the settlements: a county's settled (not reversed) bills discharged in the
 * period, in discharge order (then in the order they were settled), each with the categories the settlement stored
 * and the chronic-disease approvals the registry knows on the discharge date: the registry's approvals and exits, then
 * the settlements, streamed ({@link #over}) and handed over one by one ({@link #source}).
 *
 * <p>Each bill is rebuilt from the settlement's own columns (the scalars the settlement was made with, and its items
 * and external payments, which V22 generates from the stored request): parsing 300,000 stored requests was most of
 * the what-if's time (issue 11). Only a settlement stored before V8, whose request is kept as canonical text, is
 * parsed. A person's snapshot is made once per person and what it depends on (the categories stored, the approvals
 * effective, an exit), not once per bill: every bill of a person shares it.
 */
public final class StoredBills {

    /**
     * Runs a query with positional parameters {@code ?1, ?2, …} (each once, in order) and hands its rows, in order, to
     * {@code row}, one at a time: an implementation may stream them.
     */
    @FunctionalInterface
    public interface Rows {
        void query(String sql, Consumer<Object[]> row, Object... parameters);
    }

    private static final String PERIOD = "county = ?1 and status = 'SETTLED' and discharge_date between ?2 and ?3";
    /** One with nothing: a person who exited the registry by the discharge date. */
    private static final PersonSnapshot NOBODY = PersonSnapshot.of(Set.of(), Set.of());
    private static final Pattern POSITION = Pattern.compile("\\?(\\d+)");

    private StoredBills() {
    }

    /** The period's bills, all of them, in discharge order (then in the order they were settled). */
    public static List<ReplayBill> read(Rows db, String county, LocalDate from, LocalDate to) {
        List<ReplayBill> bills = new ArrayList<>();
        source(db, county, from, to).each(bills::add);
        return bills;
    }

    /**
     * The period's bills as a replay's {@link Replay.Source}: each handed over as it is read, in discharge order (then
     * in the order they were settled), so that the replay can let it go once both policies replayed it.
     */
    public static Replay.Source source(Rows db, String county, LocalDate from, LocalDate to) {
        Object[] period = {county, Date.valueOf(from), Date.valueOf(to)};
        return new Replay.Source() {
            @Override
            public int expected() {
                long[] count = new long[1];
                db.query("select count(*) from settlement where " + PERIOD,
                        columns -> count[0] = ((Number) columns[0]).longValue(), period);
                return Math.toIntExact(count[0]);
            }

            @Override
            public void each(Consumer<ReplayBill> bill) {
                Map<String, List<DiseaseApproval>> approvals = new HashMap<>();
                db.query("select d.id_number, d.code, d.approved_on from beneficiary_disease d"
                        + " where d.id_number in (select id_number from settlement where " + PERIOD + ")", columns ->
                        approvals.computeIfAbsent(((String) columns[0]).trim(), id -> new ArrayList<>())
                                .add(new DiseaseApproval((String) columns[1], date(columns[2]))), period);
                Map<String, LocalDate> exits = new HashMap<>();
                db.query("select b.id_number, b.exited_on from beneficiary b"
                        + " where b.exited_on is not null and b.id_number in (select id_number from settlement where "
                        + PERIOD + ")", columns -> exits.put(((String) columns[0]).trim(), date(columns[1])), period);
                db.query("select receipt_no, id_number, person_categories, visit_type, hospital_code, hospital_level,"
                        + " hospital_in_county, admission_date, discharge_date, total_amount, policy_scope_amount,"
                        + " special_drug_amount, bill_item_categories::text, bill_item_amounts::text,"
                        + " external_funds::text, external_amounts::text,"
                        + " case when external_funds is null then request_json ->> 'canonicalText' end"
                        + " from settlement where " + PERIOD + " order by discharge_date, settled_at, receipt_no",
                        new Rebuilt(approvals, exits, bill), period);
            }
        };
    }

    /**
     * {@link Rows} over a PostgreSQL connection, streaming: the query runs as {@code COPY (…) TO STDOUT}, so that
     * PostgreSQL writes the rows while this thread decodes them ({@link CopyText}): fetching them in rounds through the
     * JDBC driver ({@code setFetchSize}) made each wait for the other and cost PostgreSQL 2.2-2.6 s of CPU for the
     * 300,000 bills of a county-year, where COPY costs it 1.1-1.4 s (issue 11). Each value is converted as the driver
     * would hand it over, by the column types the statement is described with (one round trip); COPY takes no
     * parameters, so each is written into the statement as a literal ({@link #literal}). The rows are not read in a
     * transaction of their own: COPY is one statement.
     */
    public static Rows over(Connection connection) {
        return (sql, row, parameters) -> {
            try {
                int[] types;
                try (PreparedStatement statement = connection.prepareStatement(POSITION.matcher(sql).replaceAll("?"))) {
                    ResultSetMetaData columns = statement.getMetaData();
                    types = new int[columns.getColumnCount()];
                    for (int c = 0; c < types.length; c++) {
                        types[c] = columns.getColumnType(c + 1);
                    }
                }
                Matcher positions = POSITION.matcher(sql);
                StringBuilder query = new StringBuilder("copy (");
                while (positions.find()) {
                    positions.appendReplacement(query,
                            Matcher.quoteReplacement(literal(parameters[Integer.parseInt(positions.group(1)) - 1])));
                }
                positions.appendTail(query).append(") to stdout");
                CopyText decoder = new CopyText(types);
                CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(query.toString());
                try {
                    for (byte[] line = copy.readFromCopy(); line != null; line = copy.readFromCopy()) {
                        row.accept(decoder.decode(line));
                    }
                } catch (RuntimeException | Error stopped) {
                    drain(copy, stopped);
                    throw stopped;
                }
            } catch (SQLException failure) {
                throw new IllegalStateException(failure);
            }
        };
    }

    /**
     * Reads what is left of a COPY the consumer stopped (a cancelled what-if, a failure), so that the connection goes
     * back to the pool ready for its next statement: {@link CopyOut#cancelCopy()} only asks the server to cancel and
     * leaves the rest of the stream unread on the connection, where the next statement of another request would meet
     * it (or the cancellation, when the COPY was done). Reading the rest costs at most the rows left, and only when a
     * read stops early.
     */
    private static void drain(CopyOut copy, Throwable stopped) {
        try {
            while (copy.isActive() && copy.readFromCopy() != null) {
                // discarded
            }
        } catch (SQLException | RuntimeException failed) {
            stopped.addSuppressed(failed);
        }
    }

    /**
     * A parameter as an SQL literal. The parameters here are a county code and dates: a string with a quote or a
     * backslash is refused rather than escaped, so that no setting ({@code standard_conforming_strings}) can change
     * what the literal means.
     */
    static String literal(Object parameter) {
        if (parameter instanceof Date || parameter instanceof LocalDate) {
            return "date '" + parameter + "'";
        }
        if (parameter instanceof Integer || parameter instanceof Long) {
            return parameter.toString();
        }
        if (parameter instanceof String text && text.indexOf('\'') < 0 && text.indexOf('\\') < 0) {
            return "'" + text + "'";
        }
        throw new IllegalArgumentException("Not a parameter of a stored bills' query: " + parameter);
    }

    /** What a person's snapshots depend on besides the settlement: the registry's approvals and exit. */
    private static final class Person {
        final String idNumber;
        final List<DiseaseApproval> approvals;
        final LocalDate exited;
        /** The snapshots made so far, by the categories stored and the approvals effective ({@link #key}). */
        final Map<Object, PersonSnapshot> snapshots = new HashMap<>(4);

        Person(String idNumber, List<DiseaseApproval> approvals, LocalDate exited) {
            this.idNumber = idNumber;
            this.approvals = approvals;
            this.exited = exited;
        }

        PersonSnapshot on(LocalDate discharge, String categories) {
            if (exited != null && !discharge.isBefore(exited)) {
                return NOBODY;
            }
            return snapshots.computeIfAbsent(key(discharge, categories),
                    key -> PersonSnapshot.asOf(discharge, heldOn(discharge, categories), approvals));
        }

        /** The categories stored and which approvals are effective on the day (in the order of {@link #approvals}). */
        private Object key(LocalDate discharge, String categories) {
            if (approvals.size() <= Long.SIZE) {
                long effective = 0;
                for (int i = 0; i < approvals.size(); i++) {
                    if (approvals.get(i).effectiveOn(discharge)) {
                        effective |= 1L << i;
                    }
                }
                return new Key(categories, effective);
            }
            List<Boolean> effective = new ArrayList<>(approvals.size());
            for (DiseaseApproval approval : approvals) {
                effective.add(approval.effectiveOn(discharge));
            }
            return List.of(categories, effective);
        }
    }

    private record Key(String categories, long effectiveApprovals) {
    }

    /**
     * The settlements' rows as bills, in the order they come. Equal hospitals, dates and ID numbers are one object
     * each, so that 300,000 bills do not hold 300,000 copies of the few hundred there are.
     */
    private static final class Rebuilt implements Consumer<Object[]> {
        final Consumer<ReplayBill> bills;
        final Map<String, List<DiseaseApproval>> approvals;
        final Map<String, LocalDate> exits;
        final Map<String, Person> persons = new HashMap<>();
        final Map<Hospital, Hospital> hospitals = new HashMap<>();
        final Map<Object, LocalDate> dates = new HashMap<>();
        final Map<String, Fund> funds = new HashMap<>();
        final Map<String, String> categories = new HashMap<>();

        Rebuilt(Map<String, List<DiseaseApproval>> approvals, Map<String, LocalDate> exits,
                Consumer<ReplayBill> bills) {
            this.bills = bills;
            this.approvals = approvals;
            this.exits = exits;
        }

        @Override
        public void accept(Object[] columns) {
            String receiptNo = (String) columns[0];
            Person person = persons.computeIfAbsent(((String) columns[1]).trim(),
                    id -> new Person(id, approvals.getOrDefault(id, List.of()), exits.get(id)));
            String held = columns[2] == null ? "" : categories.computeIfAbsent((String) columns[2], codes -> codes);
            Bill bill;
            if (columns[16] != null) {
                // stored before V8: the request's canonical text is all there is of the items and external payments
                bill = StoredRequests.parse((String) columns[16]).bill();
            } else {
                bill = new Bill(VisitType.valueOf((String) columns[3]),
                        hospitals.computeIfAbsent(new Hospital(((String) columns[4]),
                                HospitalLevel.valueOf((String) columns[5]), (Boolean) columns[6]), h -> h),
                        internedDate(columns[7]), internedDate(columns[8]), (BigDecimal) columns[9],
                        (BigDecimal) columns[10], (BigDecimal) columns[11],
                        items((String) columns[12], (String) columns[13]),
                        externalPayments((String) columns[14], (String) columns[15]));
            }
            bills.accept(new ReplayBill(receiptNo, person.idNumber, person.on(bill.dischargeDate(), held), bill));
        }

        private LocalDate internedDate(Object value) {
            return dates.computeIfAbsent(value, StoredBills::date);
        }

        private static List<BillItem> items(String categories, String amounts) {
            String[] category = elements(categories);
            String[] amount = elements(amounts);
            if (category.length != amount.length) {
                throw new IllegalStateException("A settlement's item categories and amounts do not pair: "
                        + categories + " " + amounts);
            }
            List<BillItem> items = new ArrayList<>(category.length);
            for (int i = 0; i < category.length; i++) {
                items.add(new BillItem(ItemCategory.valueOf(category[i]), new BigDecimal(amount[i])));
            }
            return items;
        }

        private Map<Fund, BigDecimal> externalPayments(String codes, String amounts) {
            String[] code = elements(codes);
            String[] amount = elements(amounts);
            if (code.length != amount.length) {
                throw new IllegalStateException("A settlement's external funds and amounts do not pair: "
                        + codes + " " + amounts);
            }
            Map<Fund, BigDecimal> payments = new TreeMap<>();
            for (int i = 0; i < code.length; i++) {
                payments.put(funds.computeIfAbsent(code[i], DeclaredFunds.current()::stored), new BigDecimal(amount[i]));
            }
            return payments;
        }
    }

    /**
     * The elements of a one-dimensional PostgreSQL array in its text form ({@code {A,B}}, {@code {}}). The arrays read
     * here hold item categories, fund codes ({@code [A-Z][A-Z0-9_]*}) and amounts: PostgreSQL quotes such an element
     * only when it reads as NULL, and none holds a comma, a quote or a backslash.
     */
    static String[] elements(String array) {
        if (array == null || array.length() < 2 || array.charAt(0) != '{' || array.charAt(array.length() - 1) != '}') {
            throw new IllegalStateException("Not an array of a settlement's bill: " + array);
        }
        if (array.length() == 2) {
            return new String[0];
        }
        String[] elements = array.substring(1, array.length() - 1).split(",", -1);
        for (int i = 0; i < elements.length; i++) {
            String element = elements[i];
            if (element.length() >= 2 && element.charAt(0) == '"') {
                elements[i] = element.substring(1, element.length() - 1);
            }
        }
        return elements;
    }

    /** The categories the settlement stored as held on its discharge date (the registry may have changed since). */
    private static List<CategoryPeriod> heldOn(LocalDate discharge, String codes) {
        List<CategoryPeriod> held = new ArrayList<>();
        for (String code : codes.split(",")) {
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
