package org.yidan.beneficiaries.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.CategorySpan;
import org.yidan.platform.MigratedPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A roster import into a small registry over a connection that has checked categories before: the defect of
 * 2026-11-28 (a full test run's 35,000-person import took 74-90 s). PostgreSQL had planned the foreign-key check of
 * a category row against {@code beneficiary} on that pooled connection while the registry was small, as a sequential
 * scan, and kept the plan while the import grew the table, so every new category row read the whole registry.
 */
class NewPersonRowsImportTest {

    private static final int SMALL_REGISTRY = 200;
    private static final int CHUNK = 1_000;
    private static final int IMPORTED = 5 * CHUNK;

    @RegisterExtension
    static final MigratedPostgres.PerClass DATABASE = new MigratedPostgres.PerClass();

    @Test
    void aLargeImportDoesNotKeepTheSmallRegistrysPlanOfItsForeignKeyChecks() throws SQLException {
        try (Connection db = DATABASE.connect()) {
            db.setAutoCommit(false);
            new NewPersonRows.Import(over(db)).insert(persons(0, SMALL_REGISTRY), false);
            db.commit();
            db.setAutoCommit(true);
            try (Statement statement = db.createStatement()) {
                statement.execute("analyze beneficiary");
            }
            // the connection checks categories while the registry is small, as a pooled one did before the import
            db.setAutoCommit(false);
            try (PreparedStatement category = db.prepareStatement("insert into beneficiary_category"
                    + " (id_number, position, code, valid_from) values (?, 1, 'TEMPORARY', date '2021-01-01')")) {
                for (BeneficiaryRecord person : persons(0, 20)) {
                    category.setString(1, person.idNumber());
                    category.executeUpdate();
                }
            }
            db.rollback();

            NewPersonRows.Import roster = new NewPersonRows.Import(over(db));
            List<BeneficiaryRecord> imported = persons(SMALL_REGISTRY, IMPORTED);
            for (int start = 0; start < imported.size(); start += CHUNK) {
                roster.insert(imported.subList(start, start + CHUNK), start + CHUNK < imported.size());
            }
            long sequentialScans = scalar(db, "select seq_scan from pg_stat_xact_user_tables"
                    + " where relname = 'beneficiary'");
            long rowsRead = scalar(db, "select seq_tup_read from pg_stat_xact_user_tables"
                    + " where relname = 'beneficiary'");
            db.commit();

            assertEquals(SMALL_REGISTRY + IMPORTED, scalar(db, "select count(*) from beneficiary_category"));
            // with the small registry's plan kept: a scan per category row, 5,000 scans and about 15 million rows
            // read; with the statistics renewed after the first chunk only that chunk's rows may scan
            assertTrue(sequentialScans < 2 * CHUNK, "sequential scans of beneficiary during the import: "
                    + sequentialScans + " (rows read " + rowsRead + ")");
            assertTrue(rowsRead < 4_000_000L, "rows read by sequential scans of beneficiary: " + rowsRead);
        }
    }

    @Test
    void theStatisticsAreRenewedOnceAfterTheFirstChunkOfALargeImportOnly() throws SQLException {
        List<String> statements = new ArrayList<>();
        NewPersonRows.Import roster = new NewPersonRows.Import((sql, parameter) -> statements.add(sql));
        roster.insert(persons(90_000, 3), false);
        assertEquals(List.of(NewPersonRows.PERSONS, NewPersonRows.CATEGORIES), statements,
                "no tags or diseases: no statement for them; the last chunk: no ANALYZE");
        statements.clear();
        NewPersonRows.Import large = new NewPersonRows.Import((sql, parameter) -> statements.add(sql));
        large.insert(List.of(), true);
        large.insert(persons(90_010, 3), true);
        large.insert(persons(90_020, 3), true);
        assertEquals(1, statements.stream().filter(NewPersonRows.STATISTICS::equals).count(),
                "once, after the first chunk that wrote persons: " + statements);
    }

    private static NewPersonRows.Statements over(Connection db) {
        return (sql, parameter) -> {
            try (PreparedStatement statement = db.prepareStatement(sql.replace("?1", "?"))) {
                if (sql.contains("?1")) {
                    statement.setObject(1, parameter, Types.OTHER);
                }
                statement.executeUpdate();
            } catch (SQLException failure) {
                throw new IllegalStateException(failure);
            }
        };
    }

    private static long scalar(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<BeneficiaryRecord> persons(int from, int count) {
        List<BeneficiaryRecord> persons = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String first17 = String.format("370323%04d0101%03d", 1900 + i / 1000, i % 1000);
            persons.add(new BeneficiaryRecord(first17 + IdNumbers.checkCharacter(first17), "名" + i, "370323",
                    "R-" + i, List.of(new CategorySpan("DIBAO", LocalDate.of(2020, 1, 1), null)), Set.of(),
                    List.of(), null));
        }
        return persons;
    }
}
