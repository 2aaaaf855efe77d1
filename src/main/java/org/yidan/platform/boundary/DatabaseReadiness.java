package org.yidan.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Readiness check {@code database}: a real query against the migrated schema. DOWN while the
 * database is unreachable or not migrated; UP again by itself when it returns.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "java:app/jdbc/yidan")
    DataSource dataSource;

    @Inject
    DatabaseMigration migration;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        if (!migration.ensureMigrated()) {
            return response.down().withData("reason", String.valueOf(migration.lastFailure())).build();
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet rows = statement.executeQuery(
                    "select count(*) from flyway_schema_history where success")) {
                rows.next();
                return response.up()
                        .withData("schemaVersion", migration.schemaVersion())
                        .withData("appliedMigrations", rows.getLong(1))
                        .build();
            }
        } catch (SQLException | RuntimeException failure) {
            return response.down().withData("reason", failure.getClass().getSimpleName() + ": "
                    + failure.getMessage()).build();
        }
    }
}
