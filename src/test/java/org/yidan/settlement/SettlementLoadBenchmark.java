package org.yidan.settlement;

import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.CpuMeter;
import org.yidan.platform.CpuSplit;
import org.yidan.platform.EmbeddedStack;
import org.yidan.platform.LoopbackHttp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settlement throughput and latency over REST against one Payara Micro and an embedded PostgreSQL, next to the
 * database's own limit for the same work: {@code bench/settle-limit.sql} (one settlement's rows with the fewest round
 * trips, kept in step with the schema by {@link SettleLimitScriptTest}) run by pgbench on the same PostgreSQL with
 * the same number of clients, and the ratio of the two (goal: at least 0.75 at 8 clients, p99 under 50 ms).
 * Prints figures, with the CPU milliseconds each side spent per operation; asserts nothing.
 * Arguments: bills (default 10000), clients (default 8), persons (default 400), warm-up seconds (default 120).
 * {@code -Dyidan.bench.databaseCpus=0} models a database server of its own ({@link CpuSplit}).
 * <pre>mvn -q package -DskipTests exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.yidan.settlement.SettlementLoadBenchmark -Dexec.args="10000 8"</pre>
 * Talks to 127.0.0.1 only. The warm-up settles for a fixed time first: a county's server runs for
 * months, and Payara's code is compiled by the JIT only after some thousands of requests.
 */
public final class SettlementLoadBenchmark {

    /** The machine's cores, read before a {@link CpuSplit} narrows what this JVM may use. */
    private static final int MACHINE_CORES = Runtime.getRuntime().availableProcessors();
    private static final String AUTH_CLERK = basic("demo-clerk", "demo-clerk");
    private static final String AUTH_ADMIN = basic("demo-admin", "demo-admin");

    private SettlementLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int bills = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int persons = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        int warmUpSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 120;
        Path war = Path.of(System.getProperty("yidan.war", "target/yidan.war")).toAbsolutePath();
        Path data = Path.of("target", "benchmark-data").toAbsolutePath();
        deleteRecursively(data);
        int httpPort = freePort();
        int databasePort = freePort();
        System.out.printf("Settlement benchmark: %d bills, %d clients, %d persons, %d s warm-up; Payara log in %s%n",
                bills, clients, persons, warmUpSeconds, data.resolve("payara.log"));
        try (EmbeddedStack stack = EmbeddedStack.start(war, data, httpPort, databasePort,
                Map.of("YIDAN_DEMO_DATA", "true"), false)) {
            if (!stack.awaitReady()) {
                throw new IllegalStateException("Payara did not become ready; see " + data.resolve("payara.log"));
            }
            CpuMeter cpu = new CpuMeter(stack.payara().pid(), data.resolve("postgres"));
            CpuSplit split = CpuSplit.fromSystemProperties();
            if (split != null) {
                split.pin(data.resolve("postgres"), stack.payara().pid());
                System.out.println("CPUs split: " + split);
            }
            List<String> ids = registerPersons(httpPort, persons);
            long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
            Result warmUp = settle(httpPort, ids, Integer.MAX_VALUE, clients, i -> System.nanoTime() < warmUpEnd);
            System.out.printf("warm-up: %d settlements in %.0f s%n", warmUp.count, warmUp.seconds);

            quiesce(stack.databasePort(), "yidan");
            CpuMeter.Reading before = cpu.read();
            Result result = settle(httpPort, ids, bills, clients, i -> i < bills);
            double[] settlementCpu = CpuMeter.millisPerOperation(before, cpu.read(), result.count);
            System.out.printf("REST settlements: %d in %.2f s = %.1f settlements/s with %d clients (failures: %d)%n",
                    result.count, result.seconds, result.count / result.seconds, clients, result.failures);
            System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    result.percentile(50), result.percentile(95), result.percentile(99), result.percentile(100));
            System.out.printf("  the slowest 1 %% ended in these seconds of the window (second: requests): %s%n",
                    result.slowestBySecond());
            printCpu("per settlement", settlementCpu);

            // for scale: what the same server answers when a request touches no database at all
            before = cpu.read();
            long readEnd = System.nanoTime() + 10_000_000_000L;
            Result reads = run(httpPort, Integer.MAX_VALUE, clients, i -> System.nanoTime() < readEnd,
                    (http, i) -> http.send("GET", "/api/v1/policies/370323/2020",
                            Map.of("Authorization", AUTH_CLERK), null).status() == 200);
            double[] readCpu = CpuMeter.millisPerOperation(before, cpu.read(), reads.count);
            System.out.printf("for scale, an authenticated read from memory (GET a policy): %.0f requests/s, p99 %.1f ms%n",
                    reads.count / reads.seconds, reads.percentile(99));
            printCpu("per read", readCpu);

            // the database's own limit for the same work: bench/settle-limit.sql with pgbench, same clients, on the
            // benchmark's own embedded PostgreSQL (a database of its own, migrated by the same migrations)
            String limitUrl = SettleLimit.prepare(stack.databasePort());
            Path script = SettleLimit.scriptFile(data, SettleLimit.SCRIPT);
            Path drain = SettleLimit.scriptFile(data, SettleLimit.DRAIN);
            // a warm-up of its own, as REST has: the limit's tables grow from empty to a size like REST's, and the
            // statements PostgreSQL prepared on them while they were empty are planned again after the statistics
            Pgbench limitWarmUp = runPgbench(SettleLimit.pgbench(script, drain, stack.databasePort(), clients, 40));
            if (limitWarmUp != null) {
                System.out.printf("DB-only limit warm-up: %d settlements in 40 s%n", limitWarmUp.transactions());
            }
            quiesce(stack.databasePort(), "yidan", SettleLimit.DATABASE);
            before = cpu.read();
            Path latencyLog = data.resolve("pgbench-latency");
            Pgbench limit = runPgbench(SettleLimit.pgbench(script, drain, stack.databasePort(), clients, 20,
                    latencyLog));
            if (limit == null) {
                System.out.println("pgbench is not installed (Debian: apt-get install postgresql-client); no ratio");
                return;
            }
            if (limit.transactions() == 0) {
                throw new IllegalStateException("pgbench processed no transaction of settle-limit.sql:\n"
                        + limit.output());
            }
            double[] limitCpu = CpuMeter.millisPerOperation(before, cpu.read(), limit.transactions());
            System.out.printf("DB-only limit (settle-limit.sql, pgbench -M prepared, %s): %.1f settlements/s with %d"
                    + " clients, latency average %s ms%n", limitUrl, limit.tps(), clients, limit.latencyAverage());
            printCpu("per settle-limit transaction", limitCpu);
            // the database alone, with nothing of the application on the two cores: the floor under REST's latency
            long[] limitLatencies = pgbenchLatencies(data, latencyLog.getFileName().toString());
            System.out.printf("  DB-only limit latency ms (pgbench's log, %d settlements): p50 %.1f  p95 %.1f"
                            + "  p99 %.1f%n", limitLatencies.length, percentile(limitLatencies, 50),
                    percentile(limitLatencies, 95), percentile(limitLatencies, 99));
            // the script is meant to write REST's rows: a policy or benchmark change that makes them differ shows here
            System.out.printf("rows per settlement, REST:  %s%n", rowsPerSettlement(stack.databasePort(), "yidan"));
            System.out.printf("rows per settlement, limit: %s%n",
                    rowsPerSettlement(stack.databasePort(), SettleLimit.DATABASE));
            double rate = result.count / result.seconds;
            System.out.printf("RESULT%s ratio REST : DB-only limit = %.1f : %.1f = %.2f (goal >= 0.75);"
                            + " p50 %.1f  p95 %.1f  p99 %.1f ms (goal p99 < 50 ms)%n",
                    split == null ? "" : " (" + split + ")", rate, limit.tps(), rate / limit.tps(),
                    result.percentile(50), result.percentile(95), result.percentile(99));
        }
    }

    private static void printCpu(String what, double[] millis) {
        if (CpuMeter.available()) {
            System.out.printf("  CPU ms %s: Payara %.2f, PostgreSQL %.2f, whole machine %.2f (%d cores = %d ms/s)%n",
                    what, millis[0], millis[1], millis[2], MACHINE_CORES, 1000 * MACHINE_CORES);
        }
    }

    private record Result(int count, int failures, double seconds, long[] latenciesNanos,
                          Map<Integer, Integer> slowestBySecond) {
        double percentile(int p) {
            return SettlementLoadBenchmark.percentile(latenciesNanos, p);
        }
    }

    /** One request of a load run: true when it succeeded. */
    private interface Call {
        boolean send(LoopbackHttp http, int index) throws Exception;
    }

    private static List<String> registerPersons(int port, int persons) throws Exception {
        List<String> ids = new ArrayList<>();
        try (LoopbackHttp http = new LoopbackHttp(port)) {
            for (int i = 0; i < persons; i++) {
                String first17 = "370323" + "1960" + String.format("%02d%02d", 1 + i % 12, 1 + i % 28)
                        + String.format("%03d", i % 1000);
                String id = first17 + IdNumbers.checkCharacter(first17);
                if (ids.contains(id)) {
                    continue;
                }
                String body = """
                        {"name": "压测%d", "county": "370323", "householdId": "B-%d",
                         "categories": [{"code": "%s", "from": "2020-01-01", "to": null}]}
                        """.formatted(i, i, i % 3 == 0 ? "DIBAO" : i % 3 == 1 ? "REGISTERED_POOR" : "ILLNESS_POVERTY");
                LoopbackHttp.Response response = http.send("PUT", "/api/v1/beneficiaries/" + id,
                        Map.of("Authorization", AUTH_ADMIN, "Content-Type", "application/json"), body);
                if (response.status() >= 300) {
                    throw new IllegalStateException("cannot register " + id + ": " + response.text());
                }
                ids.add(id);
            }
        }
        return ids;
    }

    private static Result settle(int port, List<String> ids, int limit, int clients, IntPredicate goOn)
            throws Exception {
        return run(port, limit, clients, goOn, (http, i) -> {
            String id = ids.get(i % ids.size());
            int scope = 2000 + (i * 37) % 40000;
            String body = """
                    {"idNumber": "%s", "hospital": {"code": "H370323001", "level": "COUNTY", "inCounty": true},
                     "visitType": "INPATIENT", "admissionDate": "2020-03-01", "dischargeDate": "2020-03-%02d",
                     "totalAmount": %d.00, "policyScopeAmount": %d.00, "externalPayments": {"BASIC": %d.00}}
                    """.formatted(id, 2 + i % 27, scope + 1000, scope, scope / 2);
            return http.send("POST", "/api/v1/settlements", Map.of("Authorization", AUTH_CLERK,
                    "Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString()),
                    body).status() == 201;
        });
    }

    /** C clients, each on its own keep-alive connection, send requests 0, 1, 2 … while {@code goOn} holds. */
    private static Result run(int port, int limit, int clients, IntPredicate goOn, Call call) throws Exception {
        long[] latencies = new long[Math.min(limit, 1_000_000)];
        long[] begins = new long[latencies.length];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                try (LoopbackHttp http = new LoopbackHttp(port)) {
                    for (int i = next.getAndIncrement(); i < latencies.length && goOn.test(i);
                         i = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        try {
                            if (!call.send(http, i)) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception failed) {
                            failures.incrementAndGet();
                            http.close();
                        }
                        long latency = System.nanoTime() - begin;
                        int slot = done.getAndIncrement();
                        latencies[slot] = latency;
                        begins[slot] = begin;
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] measured = Arrays.copyOf(latencies, Math.min(done.get(), latencies.length));
        long[] sorted = measured.clone();
        Arrays.sort(sorted);
        // the seconds of the window in which its slowest 1 % ended: a stall shared by many requests (a checkpoint, a
        // drain, a collection) shows as a few seconds holding most of them
        long slow = sorted.length == 0 ? Long.MAX_VALUE : sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)];
        java.util.TreeMap<Integer, Integer> slowBySecond = new java.util.TreeMap<>();
        for (int i = 0; i < measured.length; i++) {
            if (measured[i] >= slow) {
                slowBySecond.merge((int) ((begins[i] + measured[i] - start) / 1_000_000_000L), 1, Integer::sum);
            }
        }
        return new Result(done.get(), failures.get(), seconds, sorted, slowBySecond);
    }

    private record Pgbench(double tps, long transactions, String latencyAverage, String output) {
    }

    /** The average rows of each kind that a settlement wrote in {@code database} (REST's or the limit's). */
    private static String rowsPerSettlement(int port, String database) throws java.sql.SQLException {
        try (java.sql.Connection connection = connect(port, database);
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("select round((select count(*) from settlement_line)"
                     + " / n, 2), round((select count(*) from settlement_step) / n, 2),"
                     + " round((select count(*) from settlement_accumulator_delta) / n, 2),"
                     + " round((select count(*) from ledger_entry_fund) / n, 2),"
                     + " round((select count(*) from clearing_line) / n, 2),"
                     + " round((select count(*) from accumulator) / greatest(1, (select count(distinct id_number)"
                     + " from accumulator))::numeric, 2)"
                     + " from (select greatest(1, count(*))::numeric as n from settlement) as settled")) {
            rows.next();
            return "lines " + rows.getString(1) + ", steps " + rows.getString(2) + ", deltas " + rows.getString(3)
                    + ", journal fund rows " + rows.getString(4) + ", clearing lines " + rows.getString(5)
                    + ", accumulators per person " + rows.getString(6);
        }
    }

    /**
     * Before a measured window: the databases vacuumed and analysed, and a checkpoint. Without it the window paid
     * for work left by what ran before it (the warm-up's 20,000-30,000 settlements, the limit database just
     * created and migrated): autovacuum and autoanalyze in PostgreSQL's processes, the first change of each page
     * after a checkpoint written to the WAL in full. The same code measured a limit of 319-543 settlements/s from
     * run to run (PostgreSQL 3.2-5.6 ms per transaction), REST moving far less, so the ratio followed the timing.
     * Autovacuum stays on: switched off, the limit fell to 146-163/s (PostgreSQL 11-12 ms per transaction), since
     * nothing analysed its growing tables again and pgbench's prepared statements kept the plans made on them
     * while they were nearly empty.
     */
    private static void quiesce(int port, String... databases) throws java.sql.SQLException {
        long started = System.nanoTime();
        for (String database : databases) {
            try (java.sql.Connection connection = connect(port, database);
                 java.sql.Statement statement = connection.createStatement()) {
                statement.execute("vacuum (analyze)");
            }
        }
        try (java.sql.Connection connection = connect(port, "postgres");
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("checkpoint");
        }
        System.out.printf("  (vacuum, analyse and checkpoint of %s before the measured window: %.1f s)%n",
                String.join(", ", databases), (System.nanoTime() - started) / 1e9);
    }

    /** A connection to {@code database} of the benchmark's embedded PostgreSQL, as its superuser. */
    private static java.sql.Connection connect(int port, String database) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                "postgres", "postgres");
    }

    /** The settlement script's latencies (script 0, in nanoseconds, sorted) from pgbench's per-transaction logs. */
    private static long[] pgbenchLatencies(Path directory, String prefix) throws java.io.IOException {
        List<Long> latencies = new ArrayList<>();
        try (var files = java.nio.file.Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix + ".")).toList()) {
                for (String line : java.nio.file.Files.readAllLines(file)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length >= 4 && "0".equals(fields[3])) {
                        latencies.add(Long.parseLong(fields[2]) * 1_000);
                    }
                }
            }
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    /** Runs pgbench and reads its tps and the transactions it processed; null when pgbench is not installed. */
    private static Pgbench runPgbench(String[] command) throws Exception {
        String output = exec(command);
        if (output == null) {
            return null;
        }
        // the settlements' script (the first), not the drains run beside it
        Matcher settlements = Pattern.compile("SQL script 1: .*\\n - weight: .*\\n - ([0-9]+) transactions"
                + " \\([0-9.]+% of total, tps = ([0-9.]+)\\)").matcher(output);
        boolean found = settlements.find();
        Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
        return new Pgbench(found ? Double.parseDouble(settlements.group(2)) : 0,
                found ? Long.parseLong(settlements.group(1)) : 0,
                latency.find() ? latency.group(1) : "?", output);
    }

    private static String exec(String[] command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (java.io.IOException notInstalled) {
            return null;
        }
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> output.append(line).append('\n'));
        }
        process.waitFor();
        return output.toString();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws java.io.IOException {
        if (!java.nio.file.Files.exists(path)) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        }
    }
}
