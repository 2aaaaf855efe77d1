package org.yidan.settlement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bench/settle-limit.sql}, the benchmark's database-only limit, runs against today's migrated schema and
 * writes every row a settlement writes: a migration that renames, adds a required column or a table the settlement
 * writes breaks this test, not silently the benchmark's ratio. Runs on an embedded PostgreSQL of its own (no Payara).
 */
class SettleLimitScriptTest {

    /** What the script's bill adds to the person's accumulators' base amounts, in yuan. */
    private static final long BASE_PER_SETTLEMENT = 1830 + 7320 + 1830;

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void migrate() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        SettleLimit.prepare(postgres.getPort());
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void oneIterationWritesEverythingASettlementWritesInSixRoundTrips() throws SQLException {
        List<String> statements = SettleLimit.statements(SettleLimit.resource(SettleLimit.SCRIPT),
                Map.of("p", "7", "n", "1", "client_id", "0"));
        // receipt number, BEGIN, claim-and-read, lock, write, COMMIT
        assertEquals(6, statements.size(), String.join("\n", statements));
        try (Connection connection = SettleLimit.connect(postgres.getPort());
             Statement statement = connection.createStatement()) {
            String id = "000000000000000007";
            Map<String, Long> before = counts(statement, id);
            runAll(statement, statements);
            Map<String, Long> after = counts(statement, id);
            // what one settlement writes; the other test may have settled before, so counted as differences
            Map<String, Long> written = new java.util.TreeMap<>();
            after.forEach((table, rows) -> written.put(table, rows - before.get(table)));
            // the benchmark's typical bill (see the script): base amounts 1,830 + 7,320 + 1,830 added to three of
            // the person's six accumulators, two paying funds (basic insurance and critical-illness insurance)
            assertEquals(Map.ofEntries(Map.entry("settlement", 1L), Map.entry("settlement_line", 6L),
                    Map.entry("settlement_step", 9L), Map.entry("settlement_accumulator_delta", 3L),
                    Map.entry("accumulators", 6L), Map.entry("accumulator_base", BASE_PER_SETTLEMENT),
                    Map.entry("idempotency_completed", 1L), Map.entry("audit_event", 1L),
                    Map.entry("ledger_entry", 1L), Map.entry("ledger_entry_fund", 2L),
                    Map.entry("clearing_line", 2L), Map.entry("receipt_counter", 1L)), written);

            // the same person again: the accumulators are found and locked, the earlier settlement of the same bill
            // is named by the read
            List<String> again = SettleLimit.statements(SettleLimit.resource(SettleLimit.SCRIPT),
                    Map.of("p", "7", "n", "2", "client_id", "0"));
            statement.execute(again.get(0));
            statement.execute(again.get(1));
            try (ResultSet read = statement.executeQuery(again.get(2))) {
                assertTrue(read.next(), "the person is read");
                assertEquals(1, read.getInt("claimed"));
                assertTrue(read.getString("categories").contains("DIBAO"), read.getString("categories"));
                assertNull(read.getObject("uninsured"), "no coverage recorded");
                assertEquals("沂源县人民医院", read.getString("hospital_name"));
                assertNotNull(read.getString("earlier"), "the earlier settlement of the same bill");
            }
            for (String sql : again.subList(3, again.size())) {
                statement.execute(sql);
            }
            assertEquals(after.get("accumulator_base") + BASE_PER_SETTLEMENT,
                    counts(statement, id).get("accumulator_base"));
        }
    }

    /** Rows per table a settlement writes; for the accumulators, person {@code id}'s base amounts in yuan. */
    private static Map<String, Long> counts(Statement statement, String id) throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("settlement", "settlement_line", "settlement_step", "settlement_accumulator_delta",
                "audit_event", "ledger_entry", "ledger_entry_fund", "clearing_line")) {
            counts.put(table, count(statement, "select count(*) from " + table));
        }
        counts.put("accumulator_base", count(statement, "select coalesce(sum(base_amount), 0)::bigint"
                + " from accumulator where id_number = '" + id + "' and year = 2020"));
        counts.put("accumulators", count(statement, "select count(*) from accumulator where id_number = '" + id
                + "' and year = 2020"));
        counts.put("idempotency_completed", count(statement,
                "select count(*) from idempotency_record where receipt_no is not null"));
        counts.put("receipt_counter", count(statement, "select coalesce(sum(last_value), 0) from receipt_counter"));
        return counts;
    }

    /** pgbench itself reads the script (its variables and meta-commands), where pgbench is installed. */
    @Test
    void pgbenchRunsTheScript() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/pgbench"))) {
            return;
        }
        Path directory = Path.of("target", "settle-limit");
        // as the benchmark runs it, beside the report cells' drain; 5 transactions per client, mostly settlements
        String[] command = SettleLimit.pgbench(SettleLimit.scriptFile(directory, SettleLimit.SCRIPT),
                SettleLimit.scriptFile(directory, SettleLimit.DRAIN), postgres.getPort(), 2, 5);
        command = java.util.Arrays.stream(command).map(part -> "-T".equals(part) ? "-t" : part)
                .toArray(String[]::new);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.contains("number of failed transactions: 0") || !output.contains("failed"), output);
        try (Connection connection = SettleLimit.connect(postgres.getPort());
             Statement statement = connection.createStatement()) {
            assertTrue(count(statement, "select count(*) from ledger_entry") >= 2, output);
        }
    }

    private static void runAll(Statement statement, List<String> statements) throws SQLException {
        for (String sql : statements) {
            statement.execute(sql);
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
