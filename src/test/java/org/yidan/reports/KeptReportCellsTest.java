package org.yidan.reports;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yidan.reports.boundary.SettledFacts;
import org.yidan.reports.control.Aggregate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's figures read from the cells kept on booking (V20, {@link SettledFacts#keptAggregatesSql()}) are the
 * figures of the journal scan ({@link SettledFacts#aggregatesSql()}) for the same data, slice by slice: for the
 * journal booked before V20 (filled by the migration's backfill) and for entries booked afterwards (kept by the
 * triggers), with reversals, persons of two categories, no township, no category, and a person whose only
 * settlement of a month is reversed. Two bookings at once into the same cell both count. Runs on an embedded
 * PostgreSQL of its own (no Payara).
 */
class KeptReportCellsTest {

    private static final String COUNTY = "370323";
    private static final String[] FUNDS = {"BASIC", "CRITICAL", "ASSISTANCE", "RE_ASSISTANCE"};
    private static final String[] VISITS = {"INPATIENT", "OUTPATIENT_CHRONIC", "OUTPATIENT_SPECIAL"};
    private static final String[] LEVELS = {"TOWNSHIP", "COUNTY", "CITY"};
    private static final String[] CATEGORIES = {"DIBAO", "DIBAO,REGISTERED_POOR", "", "REGISTERED_POOR,TEKUN"};
    private static final String[] TAGS = {"", "NATIONAL", "NATIONAL,PROVINCIAL"};
    private static final String[] TOWNSHIPS = {"南麻镇", "悦庄镇", null};
    /** The person whose only settlement of March 2020 is reversed. */
    private static final String ONLY_REVERSED = person(99);

    private static EmbeddedPostgres postgres;
    private static int receipts;
    private static long entries;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        // the journal as it stood before V20, then the migration with its backfill
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                .target("19").load().migrate();
        try (Connection db = connect()) {
            book(db, new Random(1), 120);
            bookOnlyReversedSettlementOfMarch(db);
        }
        org.yidan.platform.MigratedPostgres.migrate(postgres);
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theKeptCellsGiveTheJournalScansFiguresBeforeAndAfterFurtherBookings() throws Exception {
        try (Connection db = connect()) {
            assertSameFigures(db, "backfilled by the migration");
            // booked after V20: the triggers keep the cells (settlements and reversals, one statement per fund row)
            book(db, new Random(2), 150);
            assertSameFigures(db, "kept by the triggers");

            List<Aggregate> year = aggregates(db, SettledFacts.keptAggregatesSql(), "2020-01-01", "2020-12-31");
            Aggregate all = slice(year, "all", null, null);
            long categoryRows = year.stream().filter(a -> a.dimension().equals("category"))
                    .mapToLong(Aggregate::settlements).sum();
            assertTrue(categoryRows > all.settlements(), "persons of two categories count under each");
            assertTrue(year.stream().anyMatch(a -> a.dimension().equals("township") && a.key() == null),
                    "settlements without a township");
            assertTrue(year.stream().anyMatch(a -> a.dimension().equals("category") && a.key() == null),
                    "settlements without a category");
            assertTrue(count(db, "select count(*) from ledger_entry where entry_type = 'REVERSAL'") > 20);
        }
    }

    @Test
    void aPersonWhoseOnlySettlementOfAMonthIsReversedDropsOutOfThatMonthsHeadCount() throws Exception {
        try (Connection db = connect()) {
            List<Aggregate> march = aggregates(db, SettledFacts.keptAggregatesSql(), "2020-03-01", "2020-03-31");
            long personsInMarch = count(db, "select count(*) from (select id_number from ledger_entry where county = '"
                    + COUNTY + "' and fee_month = '2020-03' group by id_number"
                    + " having sum(case when entry_type = 'REVERSAL' then -1 else 1 end) > 0) p");
            assertEquals(personsInMarch, slice(march, "all", null, null).persons());
            assertEquals(0, count(db, "select months & 4 from report_person where id_number = '" + ONLY_REVERSED
                    + "' and dimension = 'all' and year = 2020"), "March's bit cleared by the reversal");
            assertEquals(1, count(db, "select count(*) from report_person where id_number = '" + ONLY_REVERSED
                    + "' and dimension = 'all' and year = 2020"), "the person's row is kept, with no month");
            assertFalse(march.stream().anyMatch(a -> a.dimension().equals("hospital") && "H-REV".equals(a.key())),
                    "the reversed settlement's hospital has no settlement left in March");
        }
    }

    @Test
    void twoSettlementsBookedAtOnceIntoTheSameCellBothCountAndNeitherWaitsForTheCell() throws Exception {
        String cell = "select coalesce(sum(settlements), 0) from report_cell where county = '" + COUNTY
                + "' and fee_month = '2020-11' and hospital_code = 'H-BOTH'";
        String fund = "select coalesce(sum(amount), 0) * 100 from report_cell_fund where county = '" + COUNTY
                + "' and fee_month = '2020-11' and hospital_code = 'H-BOTH' and fund = 'ASSISTANCE'";
        String persons = "select count(*) from report_person where dimension = 'hospital' and key = 'H-BOTH'"
                + " and months & 1024 <> 0";
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try (Connection first = connect(); Connection second = connect()) {
            ReportsBenchmark.drainKeptCells(first);
            long before = count(first, cell);
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            bookOne(first, person(201), LocalDate.of(2020, 11, 3), "H-BOTH", "COUNTY", true, "INPATIENT", "DIBAO",
                    "", "南麻镇", Map.of("ASSISTANCE", new BigDecimal("100.00")), false);
            Future<?> other = pool.submit(() -> {
                bookOne(second, person(202), LocalDate.of(2020, 11, 9), "H-BOTH", "COUNTY", true, "INPATIENT",
                        "DIBAO", "", "南麻镇", Map.of("ASSISTANCE", new BigDecimal("50.00")), false);
                second.commit();
                return null;
            });
            // V20 made the second wait for the first's cell until it committed; since V23 a booking locks no cell
            other.get(10, TimeUnit.SECONDS);
            assertEquals(before, count(first, cell), "nothing is added to the cells inside a booking");
            first.commit();
            first.setAutoCommit(true);
            assertEquals(before, count(first, cell), "nor at its commit: the drain adds it");
            ReportsBenchmark.drainKeptCells(first);
            assertEquals(before + 2, count(first, cell));
            assertEquals(15_000, count(first, fund));
            assertEquals(2, count(first, persons));
            assertEquals(0, count(first, "select count(*) from report_cells_pending"), "every note drained once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void drainsAtOnceAddEachBookingOnceAndANonWaitingDrainStepsAside() throws Exception {
        try (Connection db = connect(); Connection holder = connect(); Connection other = connect()) {
            book(db, new Random(3), 60);
            // a drain under way (its transaction open): the timer's drain returns at once, the report's waits
            holder.setAutoCommit(false);
            assertTrue(count(holder, "select report_cells_drain(true, 10)") > 0);
            assertEquals(0, count(other, "select report_cells_drain(false, 5000)"), "steps aside");
            ExecutorService pool = Executors.newFixedThreadPool(1);
            try {
                Future<Long> waiting = pool.submit(() -> count(other, "select report_cells_drain(true, 5000)"));
                Thread.sleep(300);
                assertFalse(waiting.isDone(), "a report's drain waits for the drain under way");
                holder.commit();
                assertTrue(waiting.get(30, TimeUnit.SECONDS) > 0, "then takes what is left");
            } finally {
                pool.shutdownNow();
            }
            assertSameFigures(db, "drained by two drains at once");
        }
    }

    /** Periods the kept cells cannot answer (head counts are kept per whole month and year) scan the journal. */
    @Test
    void onlyWholeMonthsOfOneYearAreReadFromTheKeptCells() {
        assertTrue(SettledFacts.wholeMonthsOfOneYear(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 29)));
        assertFalse(SettledFacts.wholeMonthsOfOneYear(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 28)));
        assertFalse(SettledFacts.wholeMonthsOfOneYear(LocalDate.of(2020, 1, 5), LocalDate.of(2020, 3, 31)));
        assertFalse(SettledFacts.wholeMonthsOfOneYear(LocalDate.of(2019, 12, 1), LocalDate.of(2020, 1, 31)));
    }

    /** EclipseLink reads '#' in a native query as a parameter marker: the server's statement must carry none. */
    @Test
    void theKeptStatementBindsEachParameterOnceAndHasNoEclipseLinkMarkers() {
        String sql = SettledFacts.keptAggregatesSql();
        for (String parameter : List.of("?1", "?2", "?3")) {
            assertEquals(2, sql.split(java.util.regex.Pattern.quote(parameter), -1).length, parameter);
        }
        assertFalse(sql.contains("#"), sql);
        assertFalse(sql.contains("::"), sql);
    }

    private static void assertSameFigures(Connection db, String what) throws Exception {
        String[][] periods = {{"2020-01-01", "2020-12-31"}, {"2020-03-01", "2020-03-31"}, {"2020-01-01", "2020-03-31"},
                {"2020-07-01", "2020-12-31"}, {"2019-12-01", "2019-12-31"}, {"2021-01-01", "2021-12-31"}};
        for (String[] period : periods) {
            assertTrue(SettledFacts.wholeMonthsOfOneYear(LocalDate.parse(period[0]), LocalDate.parse(period[1])));
            List<Aggregate> scanned = aggregates(db, SettledFacts.aggregatesSql(), period[0], period[1]);
            List<Aggregate> kept = aggregates(db, SettledFacts.keptAggregatesSql(), period[0], period[1]);
            assertTrue(scanned.size() > 10, what + " " + period[0] + ": " + scanned);
            assertEquals(scanned, kept, what + ", " + period[0] + " to " + period[1]);
        }
    }

    private static Aggregate slice(List<Aggregate> aggregates, String dimension, String key, String subKey) {
        return aggregates.stream().filter(a -> a.dimension().equals(dimension) && java.util.Objects.equals(a.key(), key)
                && java.util.Objects.equals(a.subKey(), subKey)).findFirst().orElseThrow();
    }

    static List<Aggregate> aggregates(Connection db, String sql, String from, String to) throws Exception {
        List<Aggregate> result = new ArrayList<>(ReportsBenchmark.aggregates(db, sql, COUNTY, from, to));
        result.sort(Comparator.comparing(Aggregate::dimension).thenComparing(a -> String.valueOf(a.key()))
                .thenComparing(a -> String.valueOf(a.subKey())));
        return result;
    }

    /** {@code n} settlements of 20 persons over December 2019 to January 2021, about one in five reversed. */
    private static void book(Connection db, Random random, int n) throws SQLException {
        for (int i = 0; i < n; i++) {
            int p = random.nextInt(20);
            LocalDate discharge = LocalDate.of(2019, 12, 1).plusDays(random.nextInt(14 * 30));
            Map<String, BigDecimal> funds = new LinkedHashMap<>();
            for (String fund : FUNDS) {
                if (random.nextInt(3) > 0) {
                    funds.put(fund, BigDecimal.valueOf(100 + random.nextInt(100_000), 2));
                }
            }
            // a person's categories and tags may differ between settlements (held on the discharge date)
            bookOne(db, person(p), discharge, "H" + random.nextInt(5), LEVELS[p % 3], random.nextBoolean(),
                    VISITS[random.nextInt(3)], CATEGORIES[(p + random.nextInt(2)) % 4], TAGS[p % 3], TOWNSHIPS[p % 3],
                    funds, random.nextInt(5) == 0);
        }
    }

    /** Person 99: one settlement in March 2020, reversed, and one in April. */
    private static void bookOnlyReversedSettlementOfMarch(Connection db) throws SQLException {
        bookOne(db, ONLY_REVERSED, LocalDate.of(2020, 3, 14), "H-REV", "COUNTY", true, "INPATIENT",
                "DIBAO,REGISTERED_POOR", "NATIONAL", "南麻镇", Map.of("ASSISTANCE", new BigDecimal("300.00")), true);
        bookOne(db, ONLY_REVERSED, LocalDate.of(2020, 4, 2), "H1", "COUNTY", true, "INPATIENT", "DIBAO", "",
                "南麻镇", Map.of("BASIC", new BigDecimal("10.00")), false);
    }

    /**
     * One settlement as the application stores it (settlement, its lines, the journal entry, then each fund row
     * by a statement of its own, as EclipseLink writes an element collection), and its reversal when
     * {@code reversed} (a negated entry and fund rows). Commits unless the connection's transaction is the caller's.
     */
    private static void bookOne(Connection db, String idNumber, LocalDate discharge, String hospital, String level,
                                boolean inCounty, String visit, String categories, String tags, String township,
                                Map<String, BigDecimal> funds, boolean reversed) throws SQLException {
        boolean commit = db.getAutoCommit();
        db.setAutoCommit(false);
        String receipt;
        long entry;
        synchronized (KeptReportCellsTest.class) {
            receipt = "K" + ++receipts;
            entry = ++entries;
        }
        BigDecimal fundTotal = funds.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal total = fundTotal.add(new BigDecimal("123.45"));
        try (Statement s = db.createStatement()) {
            s.execute("insert into beneficiary (id_number, name, county, township) values ('" + idNumber + "', '测试', '"
                    + COUNTY + "', null) on conflict do nothing");
            s.execute("insert into settlement (receipt_no, county, policy_year, policy_fingerprint, id_number,"
                    + " person_name, hospital_code, hospital_level, hospital_in_county, visit_type, admission_date,"
                    + " discharge_date, total_amount, policy_scope_amount, special_drug_amount, fund_total, self_pay,"
                    + " status, request_json, verification_code, settled_at, settled_by, person_categories) values ('"
                    + receipt + "', '" + COUNTY + "', 2020, repeat('0', 64), '" + idNumber + "', '测试', '" + hospital
                    + "', '" + level + "', " + inCounty + ", '" + visit + "', date '" + discharge + "', date '"
                    + discharge + "', " + total + ", " + total + ", 0, " + fundTotal + ", 123.45, 'SETTLED', '{}', 'X',"
                    + " now(), 'test', '" + categories + "')");
            int position = 0;
            for (Map.Entry<String, BigDecimal> fund : funds.entrySet()) {
                s.execute("insert into settlement_line (receipt_no, position, fund, amount) values ('" + receipt + "', "
                        + position++ + ", '" + fund.getKey() + "', " + fund.getValue() + ")");
            }
            for (int sign : reversed ? new int[]{1, -1} : new int[]{1}) {
                long id = sign > 0 ? entry : entry + 1_000_000;
                s.execute("insert into ledger_entry (id, receipt_no, entry_type, reversal_of, county, fee_month,"
                        + " booked_at, booked_by, id_number, person_name, township, categories, standard_tags,"
                        + " hospital_code, hospital_name, hospital_level, hospital_in_county, visit_type, admission_date,"
                        + " discharge_date, total_amount, policy_scope_amount, special_drug_amount, fund_total, self_pay)"
                        + " values (" + id + ", '" + receipt + "', '" + (sign > 0 ? "SETTLEMENT" : "REVERSAL") + "', "
                        + (sign > 0 ? "null" : String.valueOf(entry)) + ", '" + COUNTY + "', '"
                        + discharge.toString().substring(0, 7) + "', now(), 'test', '" + idNumber + "', '测试', "
                        + (township == null ? "null" : "'" + township + "'") + ", '" + categories + "', '" + tags
                        + "', '" + hospital + "', null, '" + level + "', " + inCounty + ", '" + visit + "', date '"
                        + discharge + "', date '" + discharge + "', " + sign + " * " + total + ", " + sign + " * "
                        + total + ", 0, " + sign + " * " + fundTotal + ", " + sign + " * 123.45)");
                for (Map.Entry<String, BigDecimal> fund : funds.entrySet()) {
                    s.execute("insert into ledger_entry_fund (entry_id, fund, amount) values (" + id + ", '"
                            + fund.getKey() + "', " + sign + " * " + fund.getValue() + ")");
                }
            }
            if (reversed) {
                s.execute("update settlement set status = 'REVERSED', reversed_at = now(), reversed_by = 'test',"
                        + " reversal_reason = 'test' where receipt_no = '" + receipt + "'");
            }
        }
        if (commit) {
            db.commit();
            db.setAutoCommit(true);
        }
    }

    private static String person(int i) {
        return COUNTY + String.format("%012d", i);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }
}
