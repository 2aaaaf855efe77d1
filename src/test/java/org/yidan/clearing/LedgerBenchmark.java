package org.yidan.clearing;

import org.yidan.platform.EmbeddedStack;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ledger's exports and the clearing's generation against one Payara Micro and an embedded PostgreSQL. Prints
 * figures; asserts nothing. The journal is filled with synthetic settlements straight in SQL (settling 100,000 bills
 * over REST would measure the settlement, not the ledger), then:
 * <ul>
 *     <li>{@code GET /api/v1/ledger} as CSV and XLSX of 20,000 and of 100,000 entries: time, Payara's CPU time,
 *     bytes, and the peak of Payara's used heap while streaming (from {@code /metrics} every 50 ms, after a GC);</li>
 *     <li>the same exports again, untimed, with a full GC (jcmd) every 300 ms and Payara's GC log read for the heap
 *     left after each: what they keep alive, which must not depend on the row count;</li>
 *     <li>{@code POST /api/v1/clearing/statements} for a month of 20,000 entries over 20 hospitals.</li>
 * </ul>
 * <pre>mvn -q package -DskipTests && mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.yidan.clearing.LedgerBenchmark 100000 20000</pre>
 */
public final class LedgerBenchmark {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("demo-admin:demo-admin".getBytes(StandardCharsets.UTF_8));

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int exportEntries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int monthEntries = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path war = Path.of(System.getProperty("yidan.war", "target/yidan.war")).toAbsolutePath();
        Path data = Path.of("target", "ledger-benchmark-data").toAbsolutePath();
        deleteRecursively(data);
        int httpPort = freePort();
        // every GC of Payara in a log: a forced full GC's line gives the heap right after it, exactly (reading
        // /metrics after the GC raced with the export's new garbage)
        Path gcLog = Path.of("target", "ledger-benchmark-gc.log").toAbsolutePath();
        Files.deleteIfExists(gcLog);
        System.setProperty("yidan.payara.jvmOptions", (System.getProperty("yidan.payara.jvmOptions", "")
                + " -Xlog:gc:file=" + gcLog).trim());
        try (EmbeddedStack stack = EmbeddedStack.start(war, data, httpPort, freePort(),
                Map.of("YIDAN_DEMO_DATA", "true"), false)) {
            if (!stack.awaitReady()) {
                throw new IllegalStateException("Payara did not become ready; see " + data.resolve("payara.log"));
            }
            String base = "http://127.0.0.1:" + httpPort;
            System.out.printf("load average at the start: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
            long started = System.nanoTime();
            fill(stack.jdbcUrl(), "370323", "2020-03", exportEntries, 50);
            fill(stack.jdbcUrl(), "620422", "2018-01", monthEntries, 20);
            System.out.printf("filled %d + %d entries in SQL in %.1f s%n", exportEntries, monthEntries,
                    (System.nanoTime() - started) / 1e9);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long pid = stack.payara().pid();
            for (int round = 0; round < 2; round++) {  // the first round warms the JIT up
                for (String type : new String[]{"text/csv", XLSX}) {
                    export(http, base, pid, "/api/v1/ledger?county=620422", type, monthEntries, round == 1);
                    export(http, base, pid, "/api/v1/ledger?county=370323", type, exportEntries, round == 1);
                }
            }
            // a second pass for memory alone: full GCs during the export slow it down, so it is not timed
            for (String type : new String[]{"text/csv", XLSX}) {
                liveHeap(http, base, pid, gcLog, "/api/v1/ledger?county=620422", type, monthEntries);
                liveHeap(http, base, pid, gcLog, "/api/v1/ledger?county=370323", type, exportEntries);
            }
            long pid2 = stack.payara().pid();
            for (String fund : new String[]{"ASSISTANCE", "BASIC", "BASIC"}) {  // warm-up, generate, refresh
                long cpu0 = cpuNanos(pid2);
                long db0 = databaseCpuNanos();
                long t0 = System.nanoTime();
                HttpResponse<String> generated = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/api/v1/clearing/statements")).header("Authorization", ADMIN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"county\": \"620422\", \"fund\": \"" + fund
                                + "\", \"period\": \"2018-01\"}")).build(), HttpResponse.BodyHandlers.ofString());
                System.out.printf("generate 620422 %s 2018-01 (%d entries, 20 hospitals): HTTP %d in %.0f ms"
                                + " (CPU: Payara %.0f ms, PostgreSQL %.0f ms)%n", fund, monthEntries,
                        generated.statusCode(), (System.nanoTime() - t0) / 1e6, (cpuNanos(pid2) - cpu0) / 1e6,
                        (databaseCpuNanos() - db0) / 1e6);
            }
            System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    /**
     * Times one export and samples Payara's used heap every 50 ms without forcing anything: the peak counts garbage
     * too, so it shows how much the export allocates between two collections, not what it keeps.
     */
    private static void export(HttpClient http, String base, long pid, String path, String type, int entries,
                               boolean print) throws Exception {
        gc(pid);
        long baseline = usedHeap(http, base);
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                try {
                    peak.accumulateAndGet(usedHeap(http, base), Math::max);
                    Thread.sleep(50);
                } catch (Exception stop) {
                    return;
                }
            }
        });
        sampler.start();
        long cpu0 = cpuNanos(pid);
        long db0 = databaseCpuNanos();
        long t0 = System.nanoTime();
        long bytes = download(http, base, path, type);
        double ms = (System.nanoTime() - t0) / 1e6;
        double cpuMs = (cpuNanos(pid) - cpu0) / 1e6;
        double dbMs = (databaseCpuNanos() - db0) / 1e6;
        running.set(false);
        sampler.join();
        if (print) {
            System.out.printf("export %-4s %,7d entries: %,d bytes in %,.0f ms (CPU: Payara %,.0f ms, PostgreSQL %,.0f"
                            + " ms); used heap after GC %d MB, peak while streaming +%d MB (garbage included)%n",
                    label(type), entries, bytes, ms, cpuMs, dbMs, baseline >> 20, (peak.get() - baseline) >> 20);
        }
    }

    /**
     * What an export keeps alive: while it streams, a full GC every 300 ms; Payara's GC log says how much heap was
     * used right after each. The growth is the largest of those less the one after a GC before the export. An export
     * that held its rows would grow with the row count; a streamed one stays flat.
     */
    private static void liveHeap(HttpClient http, String base, long pid, Path gcLog, String path, String type,
                                 int entries) throws Exception {
        int seen = fullGcAfters(gcLog).size();
        gc(pid);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread collector = new Thread(() -> {
            while (running.get()) {
                try {
                    Thread.sleep(300);
                    if (running.get()) {
                        gc(pid);
                    }
                } catch (Exception stop) {
                    return;
                }
            }
        });
        collector.start();
        download(http, base, path, type);
        running.set(false);
        collector.join();
        Thread.sleep(200);
        java.util.List<Long> afters = fullGcAfters(gcLog);
        afters = afters.subList(seen, afters.size());
        long baseline = afters.get(0);
        long largest = afters.stream().skip(1).mapToLong(Long::longValue).max().orElse(baseline);
        System.out.printf("live heap %-4s %,7d entries: %d MB after a full GC before; during the export %d full GCs,"
                        + " the most left after one +%d MB%n", label(type), entries, baseline >> 20, afters.size() - 1,
                (largest - baseline) >> 20);
    }

    /**
     * The heap in use after each forced full GC, in bytes, from a {@code -Xlog:gc} file: G1 writes e.g.
     * {@code GC(78) Pause Full (Diagnostic Command) 221M->96M(330M) 138.574ms} for {@code jcmd GC.run}.
     */
    static java.util.List<Long> fullGcAfters(Path gcLog) throws java.io.IOException {
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "Pause Full \\((?:Diagnostic Command|System\\.gc\\(\\))\\) \\d+[KMG]->(\\d+)([KMG])");
        java.util.List<Long> afters = new java.util.ArrayList<>();
        if (!Files.exists(gcLog)) {
            return afters;
        }
        for (String text : Files.readAllLines(gcLog)) {
            java.util.regex.Matcher m = line.matcher(text);
            if (m.find()) {
                long value = Long.parseLong(m.group(1));
                afters.add(value << switch (m.group(2)) {
                    case "K" -> 10;
                    case "M" -> 20;
                    default -> 30;
                });
            }
        }
        return afters;
    }

    private static long download(HttpClient http, String base, String path, String type) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", ADMIN).header("Accept", type).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
            }
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export " + path + " as " + type + ": HTTP " + response.statusCode());
        }
        return bytes;
    }

    private static String label(String type) {
        return type.equals(XLSX) ? "XLSX" : "CSV";
    }

    /** A full GC in Payara through the JVM's own tool, so that the used heap read next is live data only. */
    private static void gc(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.run failed");
        }
    }

    /**
     * PostgreSQL's CPU time so far: its postmaster (the one whose command line names this benchmark's data folder)
     * and every backend under it; the pool's backends live as long as the benchmark.
     */
    private static long databaseCpuNanos() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("ledger-benchmark-data"))
                .filter(p -> p.info().commandLine().orElse("").contains("postgres"))
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .distinct()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    /** Payara's CPU time so far (user + system), from the operating system. */
    private static long cpuNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    /**
     * Payara's used heap from its MicroProfile Metrics, Prometheus text. {@code /metrics} is for administrators
     * (issue 16): without credentials it answered 401 and the old reading was 0. The line is e.g.
     * {@code memory_usedHeap_bytes{mp_scope="base",} 1.2345E8}.
     */
    static long usedHeap(HttpClient http, String base) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("Authorization", ADMIN).header("Accept", "text/plain").build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered HTTP " + reply.statusCode());
        }
        return usedHeapOf(reply.body());
    }

    static long usedHeapOf(String prometheusText) {
        for (String line : prometheusText.split("\n")) {
            String name = line.split("[{ ]", 2)[0];
            if (name.equals("base_memory_usedHeap_bytes") || name.equals("memory_usedHeap_bytes")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
            }
        }
        throw new IllegalStateException("no memory_usedHeap_bytes in /metrics");
    }

    /**
     * Synthetic settlements of one month with their journal entries and clearing lines: what the settlement and
     * the ledger would have stored, without the person registry (the ledger does not read it back).
     */
    private static void fill(String jdbcUrl, String county, String month, int entries, int hospitals) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            String prefix = county + "-B" + month.replace("-", "");
            s.execute("insert into beneficiary (id_number, name, county) select lpad(g::text, 18, '0'), '测试' || g, '"
                    + county + "' from generate_series(1, 1000) g on conflict do nothing");
            s.execute("insert into settlement (receipt_no, county, policy_year, policy_fingerprint, id_number,"
                    + " person_name, hospital_code, hospital_level, hospital_in_county, visit_type, admission_date,"
                    + " discharge_date, total_amount, policy_scope_amount, special_drug_amount, fund_total, self_pay,"
                    + " status, request_json, verification_code, settled_at, settled_by, person_categories)"
                    + " select '" + prefix + "-' || g, '" + county + "', " + month.substring(0, 4)
                    + ", repeat('0', 64), lpad((g % 1000 + 1)::text, 18, '0'), '测试', 'BH' || (g % " + hospitals
                    + "), 'COUNTY', true, 'INPATIENT', date '" + month + "-01', date '" + month + "-15', 10000, 8000, 0,"
                    + " 7000, 3000, 'SETTLED', '{}', 'X', now(), 'bench', 'DIBAO' from generate_series(1, " + entries + ") g");
            s.execute("insert into settlement_line (receipt_no, position, fund, amount) select '" + prefix
                    + "-' || g, p, f, a from generate_series(1, " + entries + ") g, (values (0, 'BASIC', 5000),"
                    + " (1, 'CRITICAL', 1500), (2, 'ASSISTANCE', 500)) v(p, f, a)");
            s.execute("insert into ledger_entry (id, receipt_no, entry_type, county, fee_month, booked_at, booked_by,"
                    + " id_number, person_name, township, categories, hospital_code, hospital_level,"
                    + " hospital_in_county, visit_type, admission_date, discharge_date, total_amount,"
                    + " policy_scope_amount, special_drug_amount, fund_total, self_pay)"
                    + " select nextval('ledger_entry_seq'), receipt_no, 'SETTLEMENT', county, '" + month + "',"
                    + " settled_at, settled_by, id_number, person_name, '会师镇', 'DIBAO', hospital_code,"
                    + " hospital_level, true, visit_type, admission_date, discharge_date, total_amount,"
                    + " policy_scope_amount, special_drug_amount, fund_total, self_pay from settlement"
                    + " where receipt_no like '" + prefix + "-%'");
            s.execute("insert into ledger_entry_fund (entry_id, fund, amount) select e.id, l.fund, l.amount"
                    + " from ledger_entry e join settlement_line l on l.receipt_no = e.receipt_no"
                    + " where e.receipt_no like '" + prefix + "-%'");
            s.execute("insert into clearing_line (entry_id, fund, county, hospital_code, period, amount)"
                    + " select e.id, f.fund, e.county, e.hospital_code, e.fee_month, f.amount from ledger_entry e"
                    + " join ledger_entry_fund f on f.entry_id = e.id where e.receipt_no like '" + prefix + "-%'");
            c.commit();
            s.execute("analyze");
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws java.io.IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        }
    }
}
