package org.yidan.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts one embedded PostgreSQL (a real server) for the integration tests, before Arquillian reads
 * {@code arquillian.xml}, and publishes its JDBC URL as the system property {@code yidan.test.db.url}
 * that the Payara Micro command line takes. Only when Failsafe sets {@code yidan.embedded.database=true}.
 * Tests that are about an outage stop and restart it through {@link #stopDatabase()} and {@link #startDatabase()}.
 */
public class EmbeddedDatabaseSession implements LauncherSessionListener {

    public static final String URL_PROPERTY = "yidan.test.db.url";

    private static EmbeddedPostgres postgres;
    private static int port;
    private static Path dataDirectory;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("yidan.embedded.database") || postgres != null) {
            return;
        }
        try {
            port = freePort();
            dataDirectory = Path.of("target", "it-postgres").toAbsolutePath();
            deleteRecursively(dataDirectory);
            startDatabase();
            System.setProperty(URL_PROPERTY, jdbcUrl());
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", failure);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stopDatabase();
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public static synchronized void startDatabase() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", failure);
        }
    }

    public static synchronized void stopDatabase() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } finally {
            postgres = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
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
