package org.yidan.simulation;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.ForkJoinPool;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yidan.reports.control.Target;
import org.yidan.reports.control.TargetCatalog;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.policy.CalculatorBenchmark;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.Policy;
import org.yidan.settlement.control.SettlementRequest;
import org.yidan.settlement.control.SettlementRequestJson;
import org.yidan.simulation.control.StoredBills;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.control.SettlementCalculator;
import org.yidan.simulation.control.DraftPolicy;
import org.yidan.simulation.control.Replay;
import org.yidan.simulation.control.ReplayBill;
import org.yidan.simulation.control.SimulationJson;
import org.yidan.simulation.control.SimulationResult;

/**
 * A what-if over a county-year of 300,000 bills: the calculator benchmark's synthetic 沂源县 2020 replayed under the
 * shipped policy and under a draft that lowers the critical-illness deductible to 4,000, with the summary, the
 * distribution, the per-person comparison and the result's JSON; first on bills in memory, then as the server runs it,
 * reading the bills from the settlements stored in an embedded PostgreSQL ({@code -DskipDatabase=true} skips that).
 * Prints wall time, CPU time and heap; asserts nothing about time (goal: under 5 s).
 *
 * <p>{@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.yidan.simulation.SimulationBenchmark}
 * (arguments: measured runs, default 3; warm-up runs, default 2).
 */
public final class SimulationBenchmark {

    /** The two policies' replays, as the server runs them: a thread each ({@code SimulationRunner}). */
    private static final ForkJoinPool SIDES = new ForkJoinPool(2);

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        CalculatorBenchmark.County county = CalculatorBenchmark.syntheticCounty();
        List<ReplayBill> bills = replayBills(county, county.bills().length);
        DraftPolicy draft = DraftPolicy.read(ShippedPolicies.config(Map.of()), "370323", 2020, Map.of(
                "rule.critical.segments", "0-4000:0, 4000-100000:0.65, 100000-300000:0.75, 300000-:0.85"));
        List<Target> targets = countyTargets();
        System.out.printf("%,d bills of %,d persons, %s; draft overrides %s%n", bills.size(),
                county.persons().length, county.policy().id(), draft.overrides());

        double[] seconds = new double[runs];
        SimulationResult result = null;
        long peak = 0;
        for (int i = -warmUps; i < runs; i++) {
            System.gc();
            long before = usedHeap();
            resetPeaks();
            long cpu = processCpu();
            long start = System.nanoTime();
            result = new Replay(new SettlementCalculator(), SIDES).run(county.policy(), draft.policy(), bills,
                    targets, (done, total) -> true);
            String json = SimulationJson.toJson(result).toString();
            double wall = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpu() - cpu) / 1e9;
            long runPeak = peakHeap() - before;
            if (i >= 0) {
                seconds[i] = wall;
                peak = Math.max(peak, runPeak);
            }
            System.out.printf("%s %d: %.3f s wall, %.3f s CPU, heap peak above the bills %,d MB, result %,d bytes%n",
                    i < 0 ? "warm-up" : "run", i < 0 ? i + warmUps + 1 : i + 1, wall, cpuSeconds,
                    runPeak / (1 << 20), json.length());
        }
        Arrays.sort(seconds);
        System.out.printf("What-if of %,d bills (two policies on two threads): median %.3f s, best %.3f s; heap peak"
                + " %,d MB above the loaded bills (max heap %,d MB)%n", bills.size(), seconds[runs / 2], seconds[0],
                peak / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
        System.out.printf("Funds: baseline %s, draft %s, difference %s; better off %,d, worse off %,d%n",
                result.baseline().fundTotal().toPlainString(), result.draft().fundTotal().toPlainString(),
                result.difference().fundTotal().toPlainString(), result.draft().betterOff(),
                result.draft().worseOff());
        if (!Boolean.getBoolean("skipDatabase")) {
            // a server holds one copy of the bills, the ones it read: the bills in memory go before (a county of its
            // own for the database, the same by its seed, that goes once stored)
            county = null;
            bills = null;
            result = null;
            fromTheDatabase(CalculatorBenchmark.syntheticCounty(), draft, targets, runs);
        }
    }

    /**
     * The whole what-if as the server runs it: the same 300,000 bills stored as settlements in an embedded PostgreSQL
     * with the product's migrations, read by {@link StoredBills} over one JDBC connection (PostgreSQL's COPY) and
     * replayed as they are read, each let go once both policies replayed it. Prints it with the JVM's and the
     * PostgreSQL backend's CPU time; before it, for comparison, the read alone (every bill held at once).
     */
    static void fromTheDatabase(CalculatorBenchmark.County county, DraftPolicy draft, List<Target> targets, int runs)
            throws Exception {
        Path data = Files.createTempDirectory("yidan-whatif-bench");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.toFile())
                .setCleanDataDirectory(true).setServerConfig("shared_buffers", "256MB").start()) {
            org.yidan.platform.MigratedPostgres.migrate(postgres);
            try (Connection db = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres")
                    + "&reWriteBatchedInserts=true")) {
                long stored = System.nanoTime();
                store(db, county);
                System.out.printf("stored %,d settlements in PostgreSQL in %.1f s%n", county.bills().length,
                        (System.nanoTime() - stored) / 1e9);
                Policy policy = county.policy();
                county = null;
                int backend = backend(db);
                for (int run = 1; run <= runs + 1; run++) {
                    String name = run == 1 ? "warm-up 1" : "run " + (run - 1);
                    System.gc();
                    long pgCpu = cpuMillis(backend);
                    long cpu = processCpu();
                    long start = System.nanoTime();
                    int read = StoredBills.read(StoredBills.over(db), "370323", LocalDate.of(2020, 1, 1),
                            LocalDate.of(2020, 12, 31)).size();
                    System.out.printf("%s: the read alone, %,d bills held at once: %.3f s wall (%.3f s JVM CPU,"
                                    + " %.3f s PostgreSQL CPU)%n", name, read, (System.nanoTime() - start) / 1e9,
                            (processCpu() - cpu) / 1e9, (cpuMillis(backend) - pgCpu) / 1e3);

                    System.gc();
                    long before = usedHeap();
                    resetPeaks();
                    pgCpu = cpuMillis(backend);
                    cpu = processCpu();
                    start = System.nanoTime();
                    SimulationResult result = new Replay(new SettlementCalculator(), SIDES).run(policy,
                            draft.policy(), StoredBills.source(StoredBills.over(db), "370323",
                                    LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)),
                            targets, (done, total) -> true);
                    String json = SimulationJson.toJson(result).toString();
                    long end = System.nanoTime();
                    System.out.printf("%s: whole what-if (read and replayed as read) %.3f s wall (%.3f s JVM CPU,"
                                    + " %.3f s PostgreSQL CPU), heap peak %,d MB; %,d settlements, fund total"
                                    + " difference %s, result %,d bytes%n",
                            name, (end - start) / 1e9, (processCpu() - cpu) / 1e9,
                            (cpuMillis(backend) - pgCpu) / 1e3, (peakHeap() - before) / (1 << 20),
                            result.baseline().settlements(), result.difference().fundTotal().toPlainString(),
                            json.length());
                }
            }
        }
    }

    /** The synthetic county as settlements (the amounts the server stored do not matter to a replay: only the bill). */
    private static void store(Connection db, CalculatorBenchmark.County county) throws Exception {
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            // a bulk load: the deferred balance checks of settlement lines do not apply (no lines are stored)
            statement.execute("set session_replication_role = replica");
        }
        try (PreparedStatement person = db.prepareStatement(
                "insert into beneficiary (id_number, name, county) values (?, ?, '370323')");
             PreparedStatement disease = db.prepareStatement(
                     "insert into beneficiary_disease (id_number, code, approved_on) values (?, ?, date '2019-12-31')")) {
            for (int i = 0; i < county.persons().length; i++) {
                person.setString(1, idNumber(i));
                person.setString(2, "测算" + i);
                person.addBatch();
                for (String code : county.persons()[i].chronicDiseases()) {
                    disease.setString(1, idNumber(i));
                    disease.setString(2, code);
                    disease.addBatch();
                }
            }
            person.executeBatch();
            disease.executeBatch();
        }
        try (PreparedStatement settlement = db.prepareStatement("insert into settlement (receipt_no, county,"
                + " policy_year, policy_fingerprint, id_number, person_name, hospital_code, hospital_level,"
                + " hospital_in_county, visit_type, admission_date, discharge_date, total_amount, policy_scope_amount,"
                + " special_drug_amount, fund_total, self_pay, status, request_json, verification_code, settled_at,"
                + " settled_by, person_categories) values (?, '370323', 2020, repeat('0', 64), ?, '测算', ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, 0, ?, 'SETTLED', cast(? as jsonb), 'X', now(), 'bench', ?)")) {
            for (int i = 0; i < county.bills().length; i++) {
                Bill bill = county.bills()[i];
                int p = county.billPerson()[i];
                settlement.setString(1, "R" + i);
                settlement.setString(2, idNumber(p));
                settlement.setString(3, bill.hospital().code());
                settlement.setString(4, bill.hospital().level().name());
                settlement.setBoolean(5, bill.hospital().inCounty());
                settlement.setString(6, bill.visitType().name());
                settlement.setObject(7, bill.admissionDate());
                settlement.setObject(8, bill.dischargeDate());
                settlement.setBigDecimal(9, bill.totalAmount());
                settlement.setBigDecimal(10, bill.policyScopeAmount());
                settlement.setBigDecimal(11, bill.specialDrugAmount());
                settlement.setBigDecimal(12, bill.totalAmount());
                settlement.setString(13, SettlementRequestJson.write(new SettlementRequest(idNumber(p), bill)).toString());
                settlement.setString(14, String.join(",", county.persons()[p].categories().stream()
                        .map(Enum::name).toList()));
                settlement.addBatch();
                if (i % 5_000 == 4_999) {
                    settlement.executeBatch();
                }
            }
            settlement.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement statement = db.createStatement()) {
            statement.execute("analyze");
        }
    }

    /** The first {@code count} bills of the synthetic county as the replay reads them. */
    public static List<ReplayBill> replayBills(CalculatorBenchmark.County county, int count) {
        List<ReplayBill> bills = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int person = county.billPerson()[i];
            bills.add(new ReplayBill("R" + i, idNumber(person), county.persons()[person], county.bills()[i]));
        }
        return bills;
    }

    /** Targets as a county configures them for its report: two slices of its own and the product's default ceiling. */
    public static List<Target> countyTargets() {
        Map<String, String> targetKeys = Map.of("yidan.report.370323.2020.targets", "chronic, poor-inpatient",
                "yidan.report.370323.2020.target.chronic.ratio", "actualRatio",
                "yidan.report.370323.2020.target.chronic.slice", "visitType:OUTPATIENT_CHRONIC",
                "yidan.report.370323.2020.target.chronic.bound", "FLOOR",
                "yidan.report.370323.2020.target.chronic.value", "0.85",
                "yidan.report.370323.2020.target.poor-inpatient.ratio", "scopeRatio",
                "yidan.report.370323.2020.target.poor-inpatient.slice", "category:REGISTERED_POOR/visitType:INPATIENT",
                "yidan.report.370323.2020.target.poor-inpatient.bound", "FLOOR",
                "yidan.report.370323.2020.target.poor-inpatient.value", "0.90",
                TargetCatalog.DEFAULT_CEILING_KEY, "0.90");
        return TargetCatalog.load(key -> Optional.ofNullable(targetKeys.get(key)), "370323", 2020);
    }

    /** A valid ID number per person: birth dates from 1950-01-01 on, a thousand persons a day. */
    static String idNumber(int person) {
        String first17 = "370323" + LocalDate.of(1950, 1, 1).plusDays(person / 1000).toString().replace("-", "")
                + String.format("%03d", person % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static int backend(Connection db) throws Exception {
        try (Statement statement = db.createStatement();
             ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }

    /** User plus system time of processes, from Linux's /proc (PostgreSQL's backends), ms. */
    private static long cpuMillis(int... pids) throws Exception {
        long millis = 0;
        for (int pid : pids) {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            millis += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        }
        return millis;
    }

    /**
     * The whole JVM's CPU time (both replay threads, the garbage collector and the JIT compiler), ns: the two
     * policies run on two threads, so one thread's time would leave half the work out.
     */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any moment since the reset. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
