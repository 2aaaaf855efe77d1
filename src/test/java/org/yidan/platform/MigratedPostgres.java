package org.yidan.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;

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
}
