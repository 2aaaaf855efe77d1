package org.yidan.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yidan.beneficiaries.control.IdNumbers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data center's view of database faults, with a real PostgreSQL that is down when the WAR is deployed
 * and is then restarted under load. Its own Payara Micro (not Arquillian's): the database must be down
 * before Payara starts, which the shared test database of the other ITs never is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

    private static final int CLIENTS = 6;
    private static final int SETTLEMENTS_PER_CLIENT = 12;

    private static Path work;
    private static int databasePort;
    private static EmbeddedPostgres postgres;
    private static Process payara;
    private static Api api;

    @BeforeAll
    static void startPayaraWithTheDatabaseDown() throws Exception {
        work = Path.of("target", "outage-it").toAbsolutePath();
        EmbeddedStack.deleteRecursively(work);
        Files.createDirectories(work.resolve("postgres"));
        databasePort = freePort();
        int httpPort = freePort();
        payara = EmbeddedStack.startPayara(war(), work.resolve("payara"), httpPort, environment(),
                work.resolve("payara.log"),
                EmbeddedStack.loopbackOnly(EmbeddedStack.bindPreboot(work.resolve("preboot.asadmin"), EmbeddedStack.LOOPBACK)));
        api = new Api(new URL("http://127.0.0.1:" + httpPort + "/"));
    }

    @AfterAll
    static void stopAll() throws Exception {
        stopPayara();
        stopDatabase();
    }

    private static void stopPayara() throws InterruptedException {
        if (payara != null) {
            payara.destroy();
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
            payara = null;
        }
    }

    private static Path war() {
        return Path.of(System.getProperty("yidan.war", "target/yidan.war")).toAbsolutePath();
    }

    private static Map<String, String> environment() {
        return Map.of("YIDAN_DB_URL", jdbcUrl(), "YIDAN_DB_USER", "postgres", "YIDAN_DB_PASSWORD", "postgres",
                "YIDAN_DEMO_DATA", "true");
    }

    @Test
    @Order(1)
    void deploysWithoutTheDatabaseThenMigratesAndARestartUnderLoadLosesNothingAndNeverAnswers500() throws Exception {
        // 1. deployed although PostgreSQL is down: alive, not ready, and the API says why with a 503
        Api.Reply live = awaitStatus("/health/live", 200, Duration.ofMinutes(15));
        assertEquals("UP", live.json().getString("status"), live::toString);
        Api.Reply ready = api.get("/health/ready");
        assertEquals(503, ready.status(), ready::toString);
        // the probe sees the status only (its details need a signed-in operator, whom no database can check now)
        assertEquals("DOWN", ready.json().getString("status"), ready::toString);
        Api clerk = api.as("demo-clerk", "demo-clerk");
        assertDatabaseUnavailable(clerk.post("/api/v1/settlements", bill("370323195803120215"),
                "Idempotency-Key", UUID.randomUUID().toString()));

        // 2. PostgreSQL comes: migrated and ready by itself, and the API answers
        startDatabase();
        awaitStatus("/health/ready", 200, Duration.ofMinutes(5));
        Api.Reply first = clerk.post("/api/v1/settlements", bill("370323195803120215"),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, first.status(), first::toString);

        // 3. a restart under load: every request is answered 2xx or 503, every key settles exactly once
        Api admin = api.as("demo-admin", "demo-admin");
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String first17 = "370323" + "19600101" + String.format("%03d", 700 + i);
            String id = first17 + IdNumbers.checkCharacter(first17);
            Api.Reply put = admin.put("/api/v1/beneficiaries/" + id, """
                    {"name": "王五", "county": "370323", "householdId": "H-OUT",
                     "categories": [{"code": "DIBAO", "from": "2020-01-01", "to": null}]}""");
            assertEquals(201, put.status(), put::toString);
            persons.add(id);
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, String> receiptByKey = new ConcurrentHashMap<>();
        List<String> wrongAnswers = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean restarted = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (String person : persons) {
            clients.add(pool.submit(() -> {
                for (int n = 0; n < SETTLEMENTS_PER_CLIENT; n++) {
                    String key = "outage-" + person + "-" + n;
                    Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
                    while (true) {
                        Api.Reply reply;
                        try {
                            reply = clerk.post("/api/v1/settlements", bill(person), "Idempotency-Key", key);
                        } catch (UncheckedIOException connectionLost) {
                            statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                            continue;
                        }
                        statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                        if (reply.status() == 201 || reply.status() == 200) {
                            receiptByKey.put(key, reply.json().getString("receiptNo"));
                            break;
                        }
                        if (reply.status() != 503 || !isDatabaseUnavailable(reply)) {
                            wrongAnswers.add(key + ": " + reply.status() + " " + reply.body());
                        }
                        if (Instant.now().isAfter(giveUp)) {
                            wrongAnswers.add(key + ": still " + reply.status() + " after 3 minutes");
                            break;
                        }
                        sleep(reply.status() == 503 ? 500 : 100);
                    }
                    if (n == 3 && restarted.compareAndSet(false, true)) {
                        // one client restarts the database while all of them are settling
                        stopDatabase();
                        sleep(3000);
                        startDatabase();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        System.out.println("DatabaseOutageIT: answers during the restart " + new TreeMap<>(statuses));

        assertEquals(List.of(), wrongAnswers, "every answer is a settlement or a 503 DATABASE_UNAVAILABLE");
        assertTrue(statuses.getOrDefault(503, new AtomicInteger()).get() > 0,
                "the restart was not felt by any request: " + statuses);
        assertEquals(CLIENTS * SETTLEMENTS_PER_CLIENT, receiptByKey.size());
        assertStoredExactlyOnceAndWhole(persons, receiptByKey);
        awaitStatus("/health/ready", 200, Duration.ofSeconds(60));
    }

    /**
     * Ready must mean "the API answers": polled from the moment Payara starts, each time readiness says UP the
     * API (unauthenticated: 401) and the login page (200) must answer at once, never 404 or 500.
     */
    @Test
    @Order(2)
    void readyIsUpOnlyOnceTheApiAndTheScreensAnswer() throws Exception {
        startDatabase();
        stopPayara();
        int httpPort = freePort();
        payara = EmbeddedStack.startPayara(war(), work.resolve("payara-2"), httpPort, environment(),
                work.resolve("payara-2.log"),
                EmbeddedStack.loopbackOnly(EmbeddedStack.bindPreboot(work.resolve("preboot.asadmin"), EmbeddedStack.LOOPBACK)));
        api = new Api(new URL("http://127.0.0.1:" + httpPort + "/"));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        int readyAnswers = 0;
        while (readyAnswers < 5 && Instant.now().isBefore(deadline)) {
            assertTrue(payara.isAlive(), "Payara Micro exited; see " + work.resolve("payara-2.log"));
            Api.Reply ready;
            try {
                ready = api.get("/health/ready");
            } catch (UncheckedIOException notListening) {
                Thread.sleep(100);
                continue;
            }
            if (ready.status() == 200) {
                readyAnswers++;
                Api.Reply anonymous = api.get("/api/v1/policies");
                assertEquals(401, anonymous.status(), () -> "ready was UP but the API answered " + anonymous);
                Api.Reply login = api.get("/login.xhtml");
                assertEquals(200, login.status(), () -> "ready was UP but the login page answered " + login.status());
            }
            Thread.sleep(50);
        }
        assertEquals(5, readyAnswers, "never ready; see " + work.resolve("payara-2.log"));
    }

    private static void assertStoredExactlyOnceAndWhole(List<String> persons, Map<String, String> receiptByKey)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres")) {
            for (Map.Entry<String, String> acknowledged : receiptByKey.entrySet()) {
                try (PreparedStatement query = db.prepareStatement(
                        "select i.receipt_no, (select count(*) from settlement_line l where l.receipt_no = s.receipt_no),"
                                + " (select count(*) from settlement_step t where t.receipt_no = s.receipt_no)"
                                + " from idempotency_record i join settlement s on s.receipt_no = i.receipt_no"
                                + " where i.idem_key = ?")) {
                    query.setString(1, acknowledged.getKey());
                    try (ResultSet row = query.executeQuery()) {
                        assertTrue(row.next(), "acknowledged but not stored: " + acknowledged);
                        assertEquals(acknowledged.getValue(), row.getString(1), "replayed a different receipt");
                        assertTrue(row.getInt(2) > 0 && row.getInt(3) > 0, "half-stored: " + acknowledged);
                    }
                }
            }
            try (PreparedStatement query = db.prepareStatement(
                    "select count(*) from settlement where id_number = any (?)")) {
                query.setArray(1, db.createArrayOf("text", persons.toArray()));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    assertEquals(receiptByKey.size(), row.getInt(1), "a key settled more than once");
                }
            }
            try (PreparedStatement query = db.prepareStatement("""
                    select a.id_number, a.acc_key, a.paid_amount, coalesce(sum(d.paid_delta), 0)
                    from accumulator a
                    left join settlement s on s.id_number = a.id_number and s.policy_year = a.year
                    left join settlement_accumulator_delta d on d.receipt_no = s.receipt_no and d.acc_key = a.acc_key
                    where a.id_number = any (?)
                    group by a.id_number, a.acc_key, a.paid_amount
                    having a.paid_amount <> coalesce(sum(d.paid_delta), 0)""")) {
                query.setArray(1, db.createArrayOf("text", persons.toArray()));
                try (ResultSet row = query.executeQuery()) {
                    assertTrue(!row.next(), () -> {
                        try {
                            return "accumulator differs from its settlements: " + row.getString(1) + " " + row.getString(2);
                        } catch (SQLException e) {
                            return e.toString();
                        }
                    });
                }
            }
        }
    }

    private static void assertDatabaseUnavailable(Api.Reply reply) {
        assertEquals(503, reply.status(), reply::toString);
        assertTrue(isDatabaseUnavailable(reply), reply::toString);
    }

    private static boolean isDatabaseUnavailable(Api.Reply reply) {
        String retryAfter = reply.header("Retry-After");
        return reply.contentType() != null && reply.contentType().startsWith("application/problem+json")
                && retryAfter != null && Integer.parseInt(retryAfter) > 0
                && "DATABASE_UNAVAILABLE".equals(reply.json().getString("code"));
    }

    private static String bill(String idNumber) {
        return """
                {"idNumber": "%s",
                 "hospital": {"code": "H370323001", "level": "COUNTY", "inCounty": true},
                 "visitType": "INPATIENT", "admissionDate": "2020-05-01", "dischargeDate": "2020-05-10",
                 "totalAmount": 1000.00, "policyScopeAmount": 800.00, "externalPayments": {"BASIC": 400.00}}
                """.formatted(idNumber);
    }

    private static Api.Reply awaitStatus(String path, int status, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        Api.Reply reply = null;
        while (Instant.now().isBefore(deadline)) {
            assertTrue(payara.isAlive(), "Payara Micro exited; see " + work.resolve("payara.log"));
            try {
                reply = api.get(path);
                if (reply.status() == status) {
                    return reply;
                }
            } catch (UncheckedIOException notListening) {
                // not yet
            }
            Thread.sleep(500);
        }
        assertNotNull(reply, path + " never answered; see " + work.resolve("payara.log"));
        assertEquals(status, reply.status(), reply::toString);
        return reply;
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres";
    }

    private static synchronized void startDatabase() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder().setPort(databasePort)
                    .setDataDirectory(work.resolve("postgres").toFile()).setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200").start();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static synchronized void stopDatabase() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            } finally {
                postgres = null;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
