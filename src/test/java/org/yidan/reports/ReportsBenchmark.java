package org.yidan.reports;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.control.PersonNames;
import org.yidan.policy.entity.Fund;
import org.yidan.reports.boundary.SettledFacts;
import org.yidan.reports.control.Aggregate;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints how long the report's summary of a county-year with 300,000 settlements takes, and a month's disclosure
 * draft of 5,000 persons, on an embedded PostgreSQL with the product's migrations: the very statements of
 * {@link SettledFacts}, run over JDBC (no application server) — the kept cells that the server reads for whole
 * months, filled by V20's backfill over the journal loaded before it, and the journal scan it runs for other
 * periods — and what V20's triggers add to a booking. Not a test: it prints figures.
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.yidan.reports.ReportsBenchmark
 * </pre>
 */
public final class ReportsBenchmark {

    private static final int SETTLEMENTS = 300_000;
    private static final int PERSONS = 35_000;
    private static final int DISCLOSED_PERSONS = 5_000;

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("yidan-reports-bench");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.toFile())
                .setCleanDataDirectory(true).setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "64MB").start()) {
            // the journal is loaded as it stood before V20; V20 then fills the report's cells from it (its backfill),
            // as it will on a county's database that already holds years of settlements
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                    .target("19").load().migrate();
            try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                long load = System.nanoTime();
                load(db);
                System.out.printf("loaded %,d settlements of 370323/2020 and %,d persons' settlements of 620422/2018-05 in %.1f s%n",
                        SETTLEMENTS, DISCLOSED_PERSONS, (System.nanoTime() - load) / 1e9);
                long backfill = System.nanoTime();
                Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                        .migrate();
                try (Statement s = db.createStatement()) {
                    s.execute("analyze");
                    try (ResultSet r = s.executeQuery("select (select count(*) from report_cell), (select count(*)"
                            + " from report_cell_fund), (select count(*) from report_person)")) {
                        r.next();
                        System.out.printf("migration V20 (backfill of the report's cells from the journal): %.1f s;"
                                + " %,d cells, %,d fund cells, %,d person rows%n", (System.nanoTime() - backfill) / 1e9,
                                r.getLong(1), r.getLong(2), r.getLong(3));
                    }
                }
                // one backend does all the work, so that its CPU time (from /proc) is the query's whole cost: on a
                // shared, loaded machine the wall time says more about the neighbours than about the query
                int backend;
                try (Statement s = db.createStatement()) {
                    s.execute("set max_parallel_workers_per_gather = 0");
                    try (ResultSet r = s.executeQuery("select pg_backend_pid()")) {
                        r.next();
                        backend = r.getInt(1);
                    }
                }
                int runs = Integer.parseInt(System.getProperty("runs", "3"));
                // the server's statement for the year (whole months: the kept cells), then the journal scan it runs
                // for periods of other dates, on the same data
                List<Aggregate> kept = null;
                for (int run = 1; run <= runs; run++) {
                    kept = timedSummary(db, backend, SettledFacts.keptAggregatesSql(), "kept cells", run);
                }
                List<Aggregate> scanned = null;
                for (int run = 1; run <= Integer.parseInt(System.getProperty("scanRuns", "1")); run++) {
                    scanned = timedSummary(db, backend, SettledFacts.aggregatesSql(), "journal scan", run);
                }
                if (scanned != null) {
                    Comparator<Aggregate> order = Comparator.comparing(Aggregate::dimension)
                            .thenComparing(a -> String.valueOf(a.key())).thenComparing(a -> String.valueOf(a.subKey()));
                    System.out.println("kept cells and journal scan give the same figures: "
                            + kept.stream().sorted(order).toList().equals(scanned.stream().sorted(order).toList()));
                }
                for (int run = 1; run <= runs; run++) {
                    long cpu = cpuMillis(backend);
                    long start = System.nanoTime();
                    int rows = disclosure(db, run);
                    System.out.printf("disclosure draft 620422 2018-05, run %d: %d ms wall, %d ms PostgreSQL CPU for %,d persons"
                            + " (query, mask, store)%n", run, (System.nanoTime() - start) / 1_000_000,
                            cpuMillis(backend) - cpu, rows);
                }
                // what keeping the cells costs a booking: reversals booked one per transaction as the application
                // books them (the entry, then each fund row by a statement of its own), with V20's triggers and
                // without them
                int bookings = Integer.parseInt(System.getProperty("bookings", "500"));
                for (boolean triggers : new boolean[]{true, false}) {
                    try (Statement s = db.createStatement()) {
                        String action = triggers ? "enable" : "disable";
                        s.execute("alter table ledger_entry " + action + " trigger ledger_entry_report_cells");
                        s.execute("alter table ledger_entry_fund " + action + " trigger ledger_entry_fund_report_cells");
                    }
                    long cpu = cpuMillis(backend);
                    long start = System.nanoTime();
                    bookReversals(db, triggers ? 1 : bookings + 1, bookings);
                    System.out.printf("%,d reversals booked one by one %s the report cells' triggers: %.2f ms wall,"
                            + " %.2f ms PostgreSQL CPU per booking%n", bookings, triggers ? "with" : "without",
                            (System.nanoTime() - start) / 1e6 / bookings, (cpuMillis(backend) - cpu) / (double) bookings);
                }
            }
        }
    }

    static void load(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            // bulk load: the deferred balance triggers would check each of 1.8 million lines one by one
            s.execute("set session_replication_role = replica");
            s.execute("insert into beneficiary (id_number, name, county, township) select '370323' || lpad(i::text, 12, '0'),"
                    + " '测试' || i, '370323', '测试镇' || (i % 12) from generate_series(1, " + PERSONS + ") i");
            s.execute("insert into beneficiary_category select id_number, 0, 'DIBAO', date '2019-01-01', null from beneficiary");
            s.execute("insert into beneficiary_category select id_number, 1, 'REGISTERED_POOR', date '2019-01-01', null"
                    + " from beneficiary where right(id_number, 1) in ('0', '1')");
            s.execute("insert into beneficiary_tag select id_number, 'NATIONAL' from beneficiary where right(id_number, 1) < '5'");
            s.execute("insert into settlement select 'B' || i, '370323', 2020, repeat('0', 64),"
                    + " '370323' || lpad((i % " + PERSONS + " + 1)::text, 12, '0'), '测试', 'H' || (i % 40),"
                    + " (array['VILLAGE','TOWNSHIP','COUNTY','CITY','PROVINCE'])[i % 5 + 1], i % 4 <> 0,"
                    + " (array['INPATIENT','OUTPATIENT_CHRONIC','OUTPATIENT_SPECIAL','OUTPATIENT_GENERAL'])[i % 4 + 1],"
                    + " date '2020-01-01' + (i % 366), date '2020-01-01' + (i % 366), t, round(t * 0.8, 2), 0,"
                    + " round(t * 0.5, 2) + round(t * 0.05, 2) + round(t * 0.1, 2) + round(t * 0.02, 2) + round(t * 0.03, 2) + round(t * 0.01, 2),"
                    + " t - (round(t * 0.5, 2) + round(t * 0.05, 2) + round(t * 0.1, 2) + round(t * 0.02, 2) + round(t * 0.03, 2) + round(t * 0.01, 2)),"
                    + " case when i % 20 = 0 then 'REVERSED' else 'SETTLED' end, '{}', 'X', now(), 'bench',"
                    + " case when i % 20 = 0 then now() end, case when i % 20 = 0 then 'bench' end,"
                    + " case when i % 20 = 0 then 'bench' end,"
                    + " case when i % 10 < 2 then 'DIBAO,REGISTERED_POOR' else 'DIBAO' end"
                    + " from (select i, (1000 + i % 5000)::numeric(14,2) as t from generate_series(1, " + SETTLEMENTS + ") i) x");
            String[] funds = {"BASIC", "CRITICAL", "ASSISTANCE", "HOSPITAL_REDUCTION", "COMMERCIAL", "RE_ASSISTANCE"};
            String[] shares = {"0.5", "0.05", "0.1", "0.02", "0.03", "0.01"};
            for (int f = 0; f < funds.length; f++) {
                s.execute("insert into settlement_line select receipt_no, " + f + ", '" + funds[f] + "', round(total_amount * "
                        + shares[f] + ", 2) from settlement where county = '370323'");
            }
            // the disclosure month: 5,000 persons of 620422 with two settlements each in May 2018
            s.execute("insert into beneficiary (id_number, name, county, township) select '620422' || lpad(i::text, 12, '0'),"
                    + " '公示' || i || '号', '620422', '公示镇' || (i % 20) from generate_series(1, " + DISCLOSED_PERSONS + ") i");
            s.execute("insert into beneficiary_category select id_number, 0, 'REGISTERED_POOR', date '2014-10-01', null"
                    + " from beneficiary where county = '620422'");
            s.execute("insert into settlement select 'D' || i, '620422', 2018, repeat('0', 64),"
                    + " '620422' || lpad((i % " + DISCLOSED_PERSONS + " + 1)::text, 12, '0'), '公示', 'H1', 'COUNTY', true,"
                    + " 'INPATIENT', date '2018-05-01' + (i % 31), date '2018-05-01' + (i % 31), 10000, 9000, 0, 7000, 3000,"
                    + " 'SETTLED', '{}', 'X', now(), 'bench', null, null, null, 'REGISTERED_POOR'"
                    + " from generate_series(1, " + 2 * DISCLOSED_PERSONS + ") i");
            s.execute("insert into settlement_line select receipt_no, 0, 'BASIC', 5000 from settlement where county = '620422'");
            s.execute("insert into settlement_line select receipt_no, 1, 'ASSISTANCE', 2000 from settlement where county = '620422'");
            bookJournal(s);
            s.execute("set session_replication_role = origin");
            s.execute("analyze");
        }
    }

    /**
     * The journal (台账) as the application books it: one entry per settlement with the person's township and
     * standard tags at booking and its funds' rows, and one negated entry per reversed settlement.
     */
    static void bookJournal(Statement s) throws Exception {
        s.execute("insert into ledger_entry (id, receipt_no, entry_type, reversal_of, county, fee_month, booked_at,"
                + " booked_by, id_number, person_name, township, categories, standard_tags, hospital_code, hospital_name,"
                + " hospital_level, hospital_in_county, visit_type, admission_date, discharge_date, total_amount,"
                + " policy_scope_amount, special_drug_amount, fund_total, self_pay)"
                + " select nextval('ledger_entry_seq'), s.receipt_no, 'SETTLEMENT', null, s.county,"
                + " to_char(s.discharge_date, 'YYYY-MM'), s.settled_at, s.settled_by, s.id_number, s.person_name,"
                + " b.township, s.person_categories, coalesce((select string_agg(t.tag, ',' order by t.tag)"
                + " from beneficiary_tag t where t.id_number = s.id_number), ''), s.hospital_code, null, s.hospital_level,"
                + " s.hospital_in_county, s.visit_type, s.admission_date, s.discharge_date, s.total_amount,"
                + " s.policy_scope_amount, s.special_drug_amount, s.fund_total, s.self_pay"
                + " from settlement s join beneficiary b on b.id_number = s.id_number"
                + " order by s.receipt_no");
        s.execute("insert into ledger_entry_fund (entry_id, fund, amount) select e.id, l.fund, l.amount"
                + " from ledger_entry e join settlement_line l on l.receipt_no = e.receipt_no where l.amount <> 0");
        s.execute("insert into ledger_entry (id, receipt_no, entry_type, reversal_of, county, fee_month, booked_at,"
                + " booked_by, id_number, person_name, township, categories, standard_tags, hospital_code, hospital_name,"
                + " hospital_level, hospital_in_county, visit_type, admission_date, discharge_date, total_amount,"
                + " policy_scope_amount, special_drug_amount, fund_total, self_pay)"
                + " select nextval('ledger_entry_seq'), e.receipt_no, 'REVERSAL', e.id, e.county, e.fee_month, now(),"
                + " 'bench', e.id_number, e.person_name, e.township, e.categories, e.standard_tags, e.hospital_code,"
                + " e.hospital_name, e.hospital_level, e.hospital_in_county, e.visit_type, e.admission_date,"
                + " e.discharge_date, -e.total_amount, -e.policy_scope_amount, -e.special_drug_amount, -e.fund_total,"
                + " -e.self_pay"
                + " from ledger_entry e join settlement s on s.receipt_no = e.receipt_no where s.status = 'REVERSED'");
        s.execute("insert into ledger_entry_fund (entry_id, fund, amount) select r.id, f.fund, -f.amount"
                + " from ledger_entry r join ledger_entry_fund f on f.entry_id = r.reversal_of where r.entry_type = 'REVERSAL'");
    }

    private static List<Aggregate> timedSummary(Connection db, int backend, String sql, String what, int run)
            throws Exception {
        long cpu = cpuMillis(backend);
        long start = System.nanoTime();
        List<Aggregate> aggregates = summary(db, sql);
        long ms = (System.nanoTime() - start) / 1_000_000;
        Aggregate all = aggregates.stream().filter(a -> a.dimension().equals("all")).findFirst().orElseThrow();
        System.out.printf("summary 370323 2020 from the %s, run %d: %d ms wall, %d ms PostgreSQL CPU, %d slices,"
                + " %,d settlements, %,d persons, fund total %s%n", what, run, ms, cpuMillis(backend) - cpu,
                aggregates.size(), all.settlements(), all.persons(), all.fundTotal());
        return aggregates;
    }

    static List<Aggregate> summary(Connection db, String sql) throws Exception {
        return aggregates(db, sql, "370323", "2020-01-01", "2020-12-31");
    }

    /** The slices {@code sql} (one of SettledFacts' summary statements) gives for a county's discharge dates. */
    static List<Aggregate> aggregates(Connection db, String sql, String county, String from, String to)
            throws Exception {
        if (sql.equals(SettledFacts.keptAggregatesSql())) {
            // as SettledFacts does before it reads the cells: what was booked since the last drain goes in first
            drainKeptCells(db);
        }
        List<Aggregate> result = new ArrayList<>();
        try (PreparedStatement query = prepare(db, sql, county, from, to, null);
             ResultSet rows = query.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                Object[] cells = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    cells[c] = rows.getObject(c + 1);
                }
                result.add(SettledFacts.aggregate(cells));
            }
        }
        return result;
    }

    /** Adds every committed booking note to the kept cells (V23's drain, as the server runs it); answers the notes. */
    static int drainKeptCells(Connection db) throws SQLException {
        int total = 0;
        try (PreparedStatement drain = db.prepareStatement(SettledFacts.DRAIN_SQL.replace("?1", "?").replace("?2", "?"))) {
            int taken;
            do {
                drain.setBoolean(1, true);
                drain.setInt(2, SettledFacts.DRAIN_BATCH);
                try (ResultSet rows = drain.executeQuery()) {
                    rows.next();
                    taken = rows.getInt(1);
                }
                total += taken;
            } while (taken == SettledFacts.DRAIN_BATCH);
        }
        return total;
    }

    /** Reverses settlements B21, B41 ... (none reversed before) from the {@code first}th on, each in its own transaction. */
    private static void bookReversals(Connection db, int first, int count) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement entry = db.prepareStatement("insert into ledger_entry (id, receipt_no, entry_type,"
                + " reversal_of, county, fee_month, booked_at, booked_by, id_number, person_name, township, categories,"
                + " standard_tags, hospital_code, hospital_name, hospital_level, hospital_in_county, visit_type,"
                + " admission_date, discharge_date, total_amount, policy_scope_amount, special_drug_amount, fund_total,"
                + " self_pay) select nextval('ledger_entry_seq'), e.receipt_no, 'REVERSAL', e.id, e.county, e.fee_month,"
                + " now(), 'bench', e.id_number, e.person_name, e.township, e.categories, e.standard_tags,"
                + " e.hospital_code, e.hospital_name, e.hospital_level, e.hospital_in_county, e.visit_type,"
                + " e.admission_date, e.discharge_date, -e.total_amount, -e.policy_scope_amount, -e.special_drug_amount,"
                + " -e.fund_total, -e.self_pay from ledger_entry e where e.receipt_no = ? and e.entry_type = 'SETTLEMENT'"
                + " returning id, reversal_of");
             PreparedStatement funds = db.prepareStatement("select fund, amount from ledger_entry_fund where entry_id = ?");
             PreparedStatement fund = db.prepareStatement("insert into ledger_entry_fund (entry_id, fund, amount)"
                     + " values (?, ?, ?)")) {
            for (int i = first; i < first + count; i++) {
                entry.setString(1, "B" + (20 * i + 1));
                long id;
                long original;
                try (ResultSet r = entry.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                    original = r.getLong(2);
                }
                funds.setLong(1, original);
                try (ResultSet r = funds.executeQuery()) {
                    while (r.next()) {
                        fund.setLong(1, id);
                        fund.setString(2, r.getString(1));
                        fund.setBigDecimal(3, r.getBigDecimal(2).negate());
                        fund.executeUpdate();
                    }
                }
                db.commit();
            }
        }
        db.setAutoCommit(true);
    }

    /** What a draft does: the persons' payments, masked, stored as one JSON statement (the facade's way). */
    static int disclosure(Connection db, int run) throws Exception {
        List<Fund> funds = List.of(Fund.ASSISTANCE, Fund.RE_ASSISTANCE);
        StringBuilder json = new StringBuilder("[");
        int rows = 0;
        try (PreparedStatement query = prepare(db, SettledFacts.paymentsSql(false, funds), "620422", "2018-05-01",
                "2018-05-31", "ASSISTANCE,RE_ASSISTANCE"); ResultSet r = query.executeQuery()) {
            while (r.next()) {
                BigDecimal total = SettledFacts.money(r.getObject(4)).add(SettledFacts.money(r.getObject(5)));
                json.append(rows++ == 0 ? "" : ",").append("{\"name\":\"").append(PersonNames.mask(r.getString(6)))
                        .append("\",\"id\":\"").append(IdNumbers.mask(r.getString(1))).append("\",\"categories\":\"")
                        .append(r.getString(3)).append("\",\"amounts\":\"{}\",\"total\":\"").append(total).append("\"}");
            }
        }
        json.append(']');
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("insert into disclosure (id, county, month, funds, status, persons, total, fund_totals, created_at,"
                    + " created_by) values (" + run + ", '620422', '2018-05', 'ASSISTANCE', 'DRAFT', 0, 0, '{}', now(), 'bench')");
        }
        try (PreparedStatement insert = db.prepareStatement("insert into disclosure_row (disclosure_id, position, township,"
                + " masked_name, masked_id, categories, amounts, total) select ?, r.ordinality, r.value->>'township',"
                + " r.value->>'name', r.value->>'id', r.value->>'categories', r.value->>'amounts', (r.value->>'total')::numeric"
                + " from json_array_elements(cast(? as json)) with ordinality r")) {
            insert.setLong(1, run);
            insert.setString(2, json.toString());
            insert.executeUpdate();
        }
        db.commit();
        db.setAutoCommit(true);
        return rows;
    }

    /** User and system CPU time of a process, from /proc (Linux; clock ticks of 10 ms). */
    static long cpuMillis(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** Binds JPA-style ?N parameters in the order they appear, as JDBC wants them. */
    static PreparedStatement prepare(Connection db, String sql, String county, String from, String to, String funds)
            throws Exception {
        Matcher m = Pattern.compile("\\?(\\d)").matcher(sql);
        List<Integer> order = new ArrayList<>();
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)));
        }
        PreparedStatement statement = db.prepareStatement(sql.replaceAll("\\?\\d", "?"));
        for (int i = 0; i < order.size(); i++) {
            switch (order.get(i)) {
                case 1 -> statement.setString(i + 1, county);
                case 2 -> statement.setDate(i + 1, java.sql.Date.valueOf(from));
                case 3 -> statement.setDate(i + 1, java.sql.Date.valueOf(to));
                case 4 -> statement.setString(i + 1, funds);
                default -> throw new IllegalStateException("?" + order.get(i));
            }
        }
        return statement;
    }

    private ReportsBenchmark() {
    }
}
