package org.yidan.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * An embedded PostgreSQL with today's schema, for the unit tests and benchmarks that run the server's own SQL without
 * a container: migrated by the product's migrations, as a county's database is when the WAR is deployed.
 */
public final class MigratedPostgres {

    private MigratedPostgres() {
    }

    /** A fresh embedded PostgreSQL, migrated; the caller closes it. */
    public static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        migrate(postgres);
        return postgres;
    }

    /** Migrates the {@code postgres} database of {@code postgres} to today's schema. */
    public static void migrate(EmbeddedPostgres postgres) {
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
    }

    /**
     * One migrated embedded PostgreSQL for a test class, started before its first test and closed after its last:
     * {@code @RegisterExtension static final MigratedPostgres.PerClass DATABASE = new MigratedPostgres.PerClass();}
     */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {

        private EmbeddedPostgres postgres;

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            postgres = start();
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            postgres.close();
        }

        /** A new connection to the migrated {@code postgres} database; the caller closes it. */
        public Connection connect() throws SQLException {
            return postgres.getPostgresDatabase().getConnection();
        }

        public EmbeddedPostgres postgres() {
            return postgres;
        }
    }
}
