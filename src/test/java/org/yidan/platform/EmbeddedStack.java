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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL (data kept in a directory) and the packaged WAR on a Payara Micro child
 * process: what the run command and the benchmarks start. Test-scoped: none of it ships in the WAR.
 */
public final class EmbeddedStack implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Process payara;
    private final int httpPort;
    private final int databasePort;

    private EmbeddedStack(EmbeddedPostgres postgres, Process payara, int httpPort, int databasePort) {
        this.postgres = postgres;
        this.payara = payara;
        this.httpPort = httpPort;
        this.databasePort = databasePort;
    }

    /**
     * Starts both. {@code inheritOutput}: Payara's log goes to this console (the run command) or to
     * {@code payara.log} in the data directory (benchmarks).
     */
    public static EmbeddedStack start(Path war, Path dataDirectory, int httpPort, int databasePort,
                                      Map<String, String> environment, boolean inheritOutput) throws Exception {
        return start(war, dataDirectory, LOOPBACK, httpPort, databasePort, environment, inheritOutput);
    }

    /** Where the demo listens unless told otherwise: this machine only, never its network address. */
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * The asadmin command, run before Payara Micro boots, that binds its HTTP listener to {@code host} (Payara
     * Micro has no command-line option for it). {@code 0.0.0.0} listens on every address.
     */
    static String bindCommand(String host) {
        if (!host.matches("[0-9A-Za-z.:\\-]+")) {
            throw new IllegalArgumentException("Not a host name or address: " + host);
        }
        return "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address="
                + host;
    }

    /** As above, with Payara's HTTP listener bound to {@code host} only. */
    public static EmbeddedStack start(Path war, Path dataDirectory, String host, int httpPort, int databasePort,
                                      Map<String, String> environment, boolean inheritOutput) throws Exception {
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("No WAR at " + war + "; build it first (mvn package)");
        }
        Path postgresData = dataDirectory.resolve("postgres");
        Files.createDirectories(postgresData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(postgresData.toFile())
                .setCleanDataDirectory(false)
                .setPort(databasePort)
                .setServerConfig("max_connections", "200")
                .start();
        createDatabaseIfMissing(databasePort);

        Map<String, String> variables = new java.util.HashMap<>();
        variables.put("YIDAN_DB_URL", "jdbc:postgresql://127.0.0.1:" + databasePort + "/yidan");
        variables.put("YIDAN_DB_USER", "postgres");
        variables.put("YIDAN_DB_PASSWORD", "postgres");
        variables.putAll(environment);
        Path preboot = war.getParent().resolve("payara-run-" + httpPort + "-preboot.asadmin");
        bindPreboot(preboot, host);
        Process payara = startPayara(war, war.getParent().resolve("payara-run-" + httpPort), httpPort, variables,
                inheritOutput ? null : dataDirectory.resolve("payara.log"),
                loopbackOnly(preboot));
        return new EmbeddedStack(postgres, payara, httpPort, databasePort);
    }

    /**
     * Payara Micro options that keep everything it opens on 127.0.0.1: the HTTP listener (the {@code preboot} file's
     * bind command) and its data grid, a grid of one on a free loopback port. {@code --nocluster} is not enough: it
     * still opens the grid's port 6900 on every interface; without cluster options it also looks for others by
     * multicast.
     */
    public static List<String> loopbackOnly(Path preboot) throws IOException {
        int gridPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            gridPort = probe.getLocalPort();
        }
        return List.of("--clustername", "yidan-" + gridPort, "--clustermode", "tcpip:127.0.0.1:" + gridPort,
                "--startport", String.valueOf(gridPort), "--interfaces", "127.0.0.1",
                "--prebootcommandfile", preboot.toString());
    }

    /** Writes a preboot command file that binds Payara's HTTP listener to {@code host}. */
    public static Path bindPreboot(Path file, String host) throws IOException {
        Files.writeString(file, bindCommand(host) + System.lineSeparator());
        return file;
    }

    /**
     * Starts Payara Micro with the WAR at {@code /} on {@code httpPort}, in a fresh {@code rootDirectory}.
     * {@code log}: where its output goes, or {@code null} for this console. {@code options}: more Payara Micro
     * options, e.g. {@link #loopbackOnly}.
     */
    public static Process startPayara(Path war, Path rootDirectory, int httpPort, Map<String, String> environment,
                                      Path log, List<String> options) throws IOException, ClassNotFoundException {
        deleteRecursively(rootDirectory);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dhazelcast.socket.bind.any=false"));
        // e.g. -Dyidan.payara.jvmOptions=-XX:StartFlightRecording=filename=target/payara.jfr to profile a benchmark
        String extraOptions = System.getProperty("yidan.payara.jvmOptions", "").trim();
        if (!extraOptions.isEmpty()) {
            command.addAll(List.of(extraOptions.split("\\s+")));
        }
        command.addAll(List.of(
                "-jar", payaraMicroJar().getAbsolutePath(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(httpPort),
                "--rootdir", rootDirectory.toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (log == null) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        }
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Waits until {@code /health/ready} answers 200; false when Payara died or three minutes passed. */
    public boolean awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (payara.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/health/ready")).build(),
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

    public Process payara() {
        return payara;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int databasePort() {
        return databasePort;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + databasePort + "/yidan";
    }

    @Override
    public void close() {
        payara.destroy();
        try {
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
            postgres.close();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // stopping anyway
        }
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

    private static File payaraMicroJar() throws ClassNotFoundException {
        try {
            return new File(Class.forName("fish.payara.micro.PayaraMicro")
                    .getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
