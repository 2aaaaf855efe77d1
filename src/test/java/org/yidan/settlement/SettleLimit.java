package org.yidan.settlement;

import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own limit for settling: {@code bench/settle-limit.sql}, one settlement's rows written with the
 * fewest round trips, on a database of its own ({@value #DATABASE}) migrated by the project's Flyway migrations and
 * filled by {@code bench/settle-limit-persons.sql}. Used by {@link SettlementLoadBenchmark} (with pgbench) and by
 * {@link SettleLimitScriptTest} (one iteration over JDBC), so that the script stays in step with the schema.
 */
final class SettleLimit {

    static final String DATABASE = "yidan_limit";
    static final String SCRIPT = "bench/settle-limit.sql";
    static final String PERSONS = "bench/settle-limit-persons.sql";
    static final String DRAIN = "bench/drain-report-cells.sql";
    /** pgbench's weights of the two scripts: the server drains every second, about 300 settlements at its REST rate. */
    static final int SETTLEMENTS_PER_DRAIN = 300;

    /** pgbench's variables as the script uses them: {@code :p}, {@code :n}, {@code :client_id} (not {@code ::cast}). */
    private static final Pattern VARIABLE = Pattern.compile("(?<![:\\w]):([a-z_]+)\\b");

    private SettleLimit() {
    }

    /** Drops and creates {@value #DATABASE} on the server at {@code port} (user postgres), migrates and fills it. */
    static String prepare(int port) throws SQLException {
        String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "postgres");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE + " encoding 'UTF8'");
        }
        String url = server + DATABASE;
        Flyway.configure(SettleLimit.class.getClassLoader()).dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            for (String sql : statements(resource(PERSONS), Map.of())) {
                statement.execute(sql);
            }
        }
        return url;
    }

    static String resource(String name) {
        try (InputStream in = SettleLimit.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** A script of the test class path ({@link #SCRIPT}, {@link #DRAIN}) as a file pgbench can read. */
    static Path scriptFile(Path directory, String script) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(Path.of(script).getFileName().toString());
        Files.writeString(file, resource(script), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The script's SQL lines, one statement each (pgbench's format), comments and meta-commands left out and
     * pgbench's variables named in {@code values} replaced (JSON's {@code "x":true} is not a variable).
     */
    static List<String> statements(String script, Map<String, String> values) {
        List<String> statements = new ArrayList<>();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("\\")) {
                continue;
            }
            Matcher variable = VARIABLE.matcher(trimmed);
            StringBuilder sql = new StringBuilder();
            while (variable.find()) {
                String value = values.get(variable.group(1));
                variable.appendReplacement(sql, Matcher.quoteReplacement(value == null ? variable.group() : value));
            }
            variable.appendTail(sql);
            statements.add(sql.toString().replaceAll(";$", ""));
        }
        return statements;
    }

    /**
     * pgbench's command line for the script: C clients, 2 threads, for {@code seconds}, prepared statements (PgJDBC
     * prepares the application's statements on the server too; with the simple protocol PostgreSQL plans the write
     * statement anew every time, and spent more CPU per settlement than under the application).
     */
    static String[] pgbench(Path script, Path drain, int port, int clients, int seconds) {
        return new String[]{"pgbench", "-n", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                "-M", "prepared", "-f", script + "@" + SETTLEMENTS_PER_DRAIN, "-f", drain + "@1",
                "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", DATABASE};
    }

    /**
     * The same, with every transaction's latency logged to files named {@code logPrefix.<pid>[.<thread>]} (pgbench
     * {@code -l}: client, transaction, latency in microseconds, script number from 0, epoch seconds, microseconds).
     */
    static String[] pgbench(Path script, Path drain, int port, int clients, int seconds, Path logPrefix) {
        String[] plain = pgbench(script, drain, port, clients, seconds);
        String[] logged = java.util.Arrays.copyOf(plain, plain.length + 2);
        // options before the database name, which pgbench takes as its last argument
        System.arraycopy(plain, plain.length - 1, logged, plain.length + 1, 1);
        logged[plain.length - 1] = "-l";
        logged[plain.length] = "--log-prefix=" + logPrefix;
        return logged;
    }

    static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, "postgres",
                "postgres");
    }
}
