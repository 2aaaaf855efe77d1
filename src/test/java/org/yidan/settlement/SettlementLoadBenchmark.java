package org.yidan.settlement;

import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.EmbeddedStack;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settlement throughput and latency over REST against one Payara Micro and an embedded PostgreSQL,
 * next to pgbench's TPC-B-like throughput on the same PostgreSQL with the same number of clients.
 * Prints figures; asserts nothing. Arguments: bills (default 4000), clients (default 8), persons (default 400).
 * <pre>mvn -q package -DskipTests exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.yidan.settlement.SettlementLoadBenchmark -Dexec.args="4000 8"</pre>
 * Talks to 127.0.0.1 only.
 */
public final class SettlementLoadBenchmark {

    private static final String AUTH_CLERK = basic("demo-clerk", "demo-clerk");
    private static final String AUTH_ADMIN = basic("demo-admin", "demo-admin");

    private SettlementLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int bills = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int persons = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        Path war = Path.of(System.getProperty("yidan.war", "target/yidan.war")).toAbsolutePath();
        Path data = Path.of("target", "benchmark-data").toAbsolutePath();
        deleteRecursively(data);
        int httpPort = freePort();
        int databasePort = freePort();
        System.out.printf("Settlement benchmark: %d bills, %d clients, %d persons; Payara log in %s%n",
                bills, clients, persons, data.resolve("payara.log"));
        try (EmbeddedStack stack = EmbeddedStack.start(war, data, httpPort, databasePort,
                Map.of("YIDAN_DEMO_DATA", "true"), false)) {
            if (!stack.awaitReady()) {
                throw new IllegalStateException("Payara did not become ready; see " + data.resolve("payara.log"));
            }
            // HTTP/1.1 with keep-alive, as hospital systems talk; the JDK client would otherwise upgrade to h2c
            // and multiplex every client over one connection
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            List<String> ids = registerPersons(http, stack.baseUrl(), persons);
            // warm-up: JIT, connection pool, credential cache
            run(http, stack.baseUrl(), ids, Math.min(500, bills / 4), clients);
            Result result = run(http, stack.baseUrl(), ids, bills, clients);
            System.out.printf("REST settlements: %d in %.2f s = %.1f settlements/s with %d clients%n",
                    result.count, result.seconds, result.count / result.seconds, clients);
            System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  (failures: %d)%n",
                    result.percentile(50), result.percentile(95), result.percentile(99), result.percentile(100),
                    result.failures);
            double pgbench = pgbench(stack.databasePort(), clients);
            if (pgbench > 0) {
                System.out.printf("pgbench TPC-B-like: %.1f tps with %d clients on the same PostgreSQL%n", pgbench,
                        clients);
                System.out.printf("ratio settlements/s : pgbench tps = %.2f (goal >= 0.50); p99 goal < 50 ms%n",
                        result.count / result.seconds / pgbench);
            }
        }
    }

    private record Result(int count, int failures, double seconds, long[] latenciesNanos) {
        double percentile(int p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int index = Math.min(latenciesNanos.length - 1,
                    (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1_000_000.0;
        }
    }

    private static List<String> registerPersons(HttpClient http, String base, int persons) throws Exception {
        List<String> ids = new ArrayList<>();
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
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/beneficiaries/" + id))
                    .header("Authorization", AUTH_ADMIN).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("cannot register " + id + ": " + response.body());
            }
            ids.add(id);
        }
        return ids;
    }

    private static Result run(HttpClient http, String base, List<String> ids, int bills, int clients)
            throws Exception {
        long[] latencies = new long[bills];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < bills; i = next.getAndIncrement()) {
                    String id = ids.get(i % ids.size());
                    int scope = 2000 + (i * 37) % 40000;
                    String body = """
                            {"idNumber": "%s", "hospital": {"code": "H370323001", "level": "COUNTY", "inCounty": true},
                             "visitType": "INPATIENT", "admissionDate": "2020-03-01", "dischargeDate": "2020-03-%02d",
                             "totalAmount": %d.00, "policyScopeAmount": %d.00, "externalPayments": {"BASIC": %d.00}}
                            """.formatted(id, 2 + i % 27, scope + 1000, scope, scope / 2);
                    long begin = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                        URI.create(base + "/api/v1/settlements"))
                                .header("Authorization", AUTH_CLERK).header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception failed) {
                        failures.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - begin;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Result(bills, failures.get(), seconds, latencies);
    }

    /** pgbench's default TPC-B-like script for 20 s; 0 when pgbench is not installed. */
    private static double pgbench(int port, int clients) throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", "postgres")) {
            admin.createStatement().execute("drop database if exists pgbench");
            admin.createStatement().execute("create database pgbench");
        }
        String[] common = {"-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres"};
        if (exec(concat(new String[]{"pgbench", "-i", "-q", "-s", "10"}, common, new String[]{"pgbench"})) == null) {
            System.out.println("pgbench is not installed (Debian: apt-get install postgresql-contrib or postgresql-client); skipping the comparison");
            return 0;
        }
        String output = exec(concat(new String[]{"pgbench", "-c", String.valueOf(clients), "-j", "2", "-T", "20"},
                common, new String[]{"pgbench"}));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output == null ? "" : output);
        return tps.find() ? Double.parseDouble(tps.group(1)) : 0;
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

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
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
