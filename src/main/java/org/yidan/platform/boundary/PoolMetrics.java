package org.yidan.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connection pool usage on {@code /metrics}, as PostgreSQL sees it: {@code yidan_db_connections{pool,state}}
 * (state {@code open} or {@code busy}, i.e. not idle) and {@code yidan_db_pool_max{pool}}. Counted from
 * {@code pg_stat_activity} by the pools' {@code ApplicationName}, so with several instances on one database
 * it is their sum, which is what the database's {@code max_connections} must hold. Payara's own pool
 * statistics need its monitoring service switched on, which a county's server may not have.
 * Read at most every 5 s; -1 while the database is unreachable.
 */
@ApplicationScoped
public class PoolMetrics {

    private static final long FRESH_NANOS = 5_000_000_000L;
    private static final Map<String, Integer> MAX = Map.of("yidan", 32, "yidan-numbers", 8);

    @Inject
    MetricRegistry registry;

    @Resource(lookup = "java:app/jdbc/yidan")
    DataSource dataSource;

    private final Map<String, long[]> counts = new ConcurrentHashMap<>();
    private volatile long readAt;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        MAX.forEach((pool, max) -> {
            Tag tag = new Tag("pool", pool);
            registry.gauge("yidan.db.pool.max", () -> max, tag);
            registry.gauge("yidan.db.connections", () -> read(pool)[0], tag, new Tag("state", "open"));
            registry.gauge("yidan.db.connections", () -> read(pool)[1], tag, new Tag("state", "busy"));
        });
    }

    private long[] read(String pool) {
        if (System.nanoTime() - readAt > FRESH_NANOS) {
            refresh();
        }
        return counts.getOrDefault(pool, new long[]{0, 0});
    }

    private synchronized void refresh() {
        if (System.nanoTime() - readAt <= FRESH_NANOS) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            MAX.keySet().forEach(pool -> counts.put(pool, new long[]{0, 0}));
            try (ResultSet rows = statement.executeQuery("select application_name, count(*),"
                    + " count(*) filter (where state <> 'idle' and pid <> pg_backend_pid())"
                    + " from pg_stat_activity where datname = current_database()"
                    + " and application_name in ('yidan', 'yidan-numbers') group by application_name")) {
                while (rows.next()) {
                    counts.put(rows.getString(1), new long[]{rows.getLong(2), rows.getLong(3)});
                }
            }
        } catch (SQLException | RuntimeException unreachable) {
            MAX.keySet().forEach(pool -> counts.put(pool, new long[]{-1, -1}));
        }
        readAt = System.nanoTime();
    }
}
