package org.yidan.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The README's run command ({@code mvn -Prun}): an embedded PostgreSQL whose data lives in
 * {@code .yidan-data/} (kept across restarts, ignored by git) and the packaged WAR on Payara Micro
 * at {@code http://localhost:8080/}, with the demo data. Ctrl-C stops both.
 * Test-scoped on purpose: none of this ships in the WAR.
 */
public final class EmbeddedRun {

    private EmbeddedRun() {
    }

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.getInteger("yidan.port", 8080);
        int databasePort = Integer.getInteger("yidan.db.port", 54329);
        Path war = Path.of(System.getProperty("yidan.war", "target/yidan.war")).toAbsolutePath();
        Path dataDirectory = Path.of(System.getProperty("yidan.data.dir", ".yidan-data")).toAbsolutePath();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("No WAR at " + war + "; run: mvn -Prun");
        }

        Path postgresData = dataDirectory.resolve("postgres");
        Files.createDirectories(postgresData);
        System.out.println("Yidan: starting the embedded PostgreSQL on 127.0.0.1:" + databasePort
                + " with its data in " + postgresData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(postgresData.toFile())
                .setCleanDataDirectory(false)
                .setPort(databasePort)
                .start();
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + databasePort + "/yidan";
        createDatabaseIfMissing(databasePort);

        Path payaraRoot = war.getParent().resolve("payara-run");
        deleteRecursively(payaraRoot);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-jar", payaraMicroJar().getAbsolutePath(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(httpPort),
                "--nocluster",
                "--rootdir", payaraRoot.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> environment = builder.environment();
        environment.put("YIDAN_DB_URL", jdbcUrl);
        environment.put("YIDAN_DB_USER", "postgres");
        environment.put("YIDAN_DB_PASSWORD", "postgres");
        environment.putIfAbsent("YIDAN_DEMO_DATA", "true");
        Process payara = builder.start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Yidan: stopping Payara Micro and the embedded PostgreSQL");
            payara.destroy();
            try {
                if (!payara.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    payara.destroyForcibly();
                }
                postgres.close();
            } catch (InterruptedException | IOException ignored) {
                // shutting down anyway
            }
        }, "yidan-shutdown"));

        if (awaitReady(httpPort, payara)) {
            System.out.println();
            System.out.println("==============================================================");
            System.out.println(" Yidan 一单 is running at http://localhost:" + httpPort + "/");
            System.out.println(" Demo users: demo-clerk / demo-clerk (CLERK), demo-admin / demo-admin (ADMIN),");
            System.out.println("             demo-auditor / demo-auditor, demo-registrar / demo-registrar");
            System.out.println(" Health: http://localhost:" + httpPort + "/health/ready   API: /api/v1   OpenAPI: /openapi");
            System.out.println(" Press Ctrl-C to stop.");
            System.out.println("==============================================================");
        } else if (payara.isAlive()) {
            System.out.println("Yidan: not ready yet; see the log above and http://localhost:" + httpPort + "/health/ready");
        }
        int exit = payara.waitFor();
        System.out.println("Yidan: Payara Micro exited with " + exit);
    }

    private static void createDatabaseIfMissing(int port) throws SQLException {
        try (Connection admin = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres");
             ResultSet exists = admin.createStatement().executeQuery(
                     "select 1 from pg_database where datname = 'yidan'")) {
            if (!exists.next()) {
                admin.createStatement().execute("create database yidan encoding 'UTF8'");
            }
        }
    }

    private static boolean awaitReady(int port, Process payara) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (payara.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        return false;
    }

    private static File payaraMicroJar() throws ClassNotFoundException {
        try {
            return new File(Class.forName("fish.payara.micro.PayaraMicro")
                    .getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
