package org.yidan.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.yidan.platform.control.OutageLog;

import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the schema up to date with Flyway when the application is deployed, before anything uses JPA.
 * <p>
 * A database that is not reachable at deployment does not fail the deployment: the county's
 * application server may well start before its database. The readiness check stays DOWN and
 * retries the migration until it succeeds; then {@link SchemaReady} is fired once so that the
 * bootstrap tasks (first admin, demo data) run.
 * <p>
 * The data source takes its address and credentials from MicroProfile Config
 * ({@code yidan.db.url}, {@code yidan.db.user}, {@code yidan.db.password}; environment
 * {@code YIDAN_DB_URL}, {@code YIDAN_DB_USER}, {@code YIDAN_DB_PASSWORD}): nothing secret is in the WAR.
 * The second, small, non-transactional pool serves {@link org.yidan.settlement.boundary.ReceiptNumbers}.
 */
@DataSourceDefinitions({
        @DataSourceDefinition(
                name = "java:app/jdbc/yidan",
                className = "org.postgresql.ds.PGSimpleDataSource",
                url = "${MPCONFIG=yidan.db.url:jdbc:postgresql://127.0.0.1:5432/yidan}",
                user = "${MPCONFIG=yidan.db.user:yidan}",
                password = "${MPCONFIG=yidan.db.password:yidan}",
                minPoolSize = 2,
                maxPoolSize = 32,
                loginTimeout = 5,
                properties = {
                        "connectTimeout=5",
                        "ApplicationName=yidan",
                        // no reWriteBatchedInserts: with it the 35,000-person roster import took 28.7 s and 86 s
                        // (SettlementIT, 2026-11-27) against 10.4 s without, and settling gained nothing measurable
                        "fish.payara.is-connection-validation-required=true",
                        "fish.payara.connection-validation-method=custom-validation",
                        "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                        "fish.payara.fail-all-connections=true",
                        // validate a pooled connection at most every 10 s, not on every checkout (a round trip each)
                        "fish.payara.validate-atmost-once-period-in-seconds=10",
                        "fish.payara.max-wait-time-in-millis=10000"
                }),
        @DataSourceDefinition(
                name = "java:app/jdbc/yidan-numbers",
                className = "org.postgresql.ds.PGSimpleDataSource",
                url = "${MPCONFIG=yidan.db.url:jdbc:postgresql://127.0.0.1:5432/yidan}",
                user = "${MPCONFIG=yidan.db.user:yidan}",
                password = "${MPCONFIG=yidan.db.password:yidan}",
                transactional = false,
                minPoolSize = 1,
                maxPoolSize = 8,
                loginTimeout = 5,
                properties = {
                        "connectTimeout=5",
                        "ApplicationName=yidan-numbers",
                        "fish.payara.is-connection-validation-required=true",
                        "fish.payara.connection-validation-method=custom-validation",
                        "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                        "fish.payara.fail-all-connections=true",
                        // validate a pooled connection at most every 10 s, not on every checkout (a round trip each)
                        "fish.payara.validate-atmost-once-period-in-seconds=10",
                        "fish.payara.max-wait-time-in-millis=10000"
                })
})
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());
    private static final long RETRY_MILLIS = 5_000;

    @Resource(lookup = "java:app/jdbc/yidan")
    DataSource dataSource;

    @Inject
    Event<SchemaReady> schemaReady;

    @Resource
    TimerService timers;

    private final AtomicReference<String> schemaVersion = new AtomicReference<>();
    private volatile String lastFailure = "not yet migrated";

    @PostConstruct
    void migrateAtDeployment() {
        OutageLog.quietServerLoggers();
        if (!ensureMigrated()) {
            // nobody may probe readiness (a bare Payara Server): retry by itself until the database answers
            timers.createIntervalTimer(RETRY_MILLIS, RETRY_MILLIS, new TimerConfig("yidan-migration-retry", false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (ensureMigrated()) {
            timer.cancel();
        }
    }

    /**
     * Migrates unless already done. Returns whether the schema is current.
     * Synchronized so that two readiness probes never run Flyway at once.
     */
    public synchronized boolean ensureMigrated() {
        if (schemaVersion.get() != null) {
            return true;
        }
        try {
            Flyway flyway = Flyway.configure(DatabaseMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load();
            flyway.migrate();
            var current = flyway.info().current();
            String version = current == null ? "none" : current.getVersion().getVersion();
            LOG.info(() -> "Database schema is at version " + version);
            schemaVersion.set(version);
            lastFailure = null;
        } catch (RuntimeException failure) {
            String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            if (!reason.equals(lastFailure)) {
                // once per kind of failure: the retries and probes every few seconds must not flood the log
                LOG.log(Level.WARNING, "Database migration did not run; readiness stays DOWN until it does: "
                        + reason);
            }
            lastFailure = reason;
            return false;
        }
        try {
            schemaReady.fire(new SchemaReady(schemaVersion.get()));
        } catch (RuntimeException failure) {
            // the schema is fine; a failed bootstrap task must not take the whole application down
            LOG.log(Level.SEVERE, "A start-up task after migration failed", failure);
        }
        return true;
    }

    /** The schema version after migration, or {@code null} while the schema is not migrated. */
    public String schemaVersion() {
        return schemaVersion.get();
    }

    public String lastFailure() {
        return lastFailure;
    }

    /** Fired once, after the schema was first brought up to date in this deployment. */
    public record SchemaReady(String version) {
    }
}
