package org.yidan.platform.control;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ExternalConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

import java.util.Map;
import java.util.logging.Logger;

/**
 * Lets the persistence unit deploy while PostgreSQL is unreachable (registered as
 * {@code eclipselink.session.customizer} in persistence.xml).
 * <p>
 * Why: Payara creates an EntityManager while deploying, and EclipseLink's login then takes one
 * connection from the application server's pool "to validate that connect will work". With the
 * database down that throws, and the whole WAR is not deployed: no liveness, no readiness, nothing for
 * the data center to watch. A county's application server may well start before its database.
 * <p>
 * The pools of a JTA persistence unit are {@link ExternalConnectionPool}s: they keep one template
 * accessor and hand out clones, each of which takes a real connection from Payara's pool on first use
 * (the template's own connection is released right after the check). Here the check may fail: the
 * template then keeps the login (EclipseLink records it before it connects) and every clone connects on
 * first use exactly as it would have. Requests made while the database is still down fail like any
 * request during an outage (503 DATABASE_UNAVAILABLE) and the readiness check stays DOWN.
 */
public class DeferredConnectionCustomizer implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(DeferredConnectionCustomizer.class.getName());

    @Override
    public void customize(Session session) {
        if (!(session instanceof ServerSession server)
                || !server.getDatasourceLogin().shouldUseExternalConnectionPooling()) {
            return;
        }
        if (server.getReadConnectionPool() instanceof ExternalConnectionPool read) {
            server.setReadConnectionPool(new DeferredPool(read.getName(), read.getLogin(), server));
        }
        for (Map.Entry<String, ConnectionPool> pool : server.getConnectionPools().entrySet()) {
            // the default pool may still be an internal one here, built before the login was switched to
            // the JTA data source; the session would replace it by an external one at login
            Login login = pool.getValue().getLogin();
            if (login == null || login == server.getDatasourceLogin() || login.shouldUseExternalConnectionPooling()) {
                pool.setValue(new DeferredPool(pool.getKey(), server.getDatasourceLogin(), server));
            }
        }
    }

    /** An external pool whose start-up check may fail without failing the deployment. */
    static final class DeferredPool extends ExternalConnectionPool {

        DeferredPool(String name, Login login, ServerSession owner) {
            super(name, login, owner);
        }

        @Override
        public synchronized void startUp() {
            Accessor template = getLogin().buildAccessor();
            template.setPool(this);
            // EclipseLink logs a failed connect with a stack trace before throwing; the line below says it once
            SessionLog log = getOwner().getSessionLog();
            int level = log.getLevel();
            log.setLevel(SessionLog.OFF);
            try {
                template.connect(getLogin(), getOwner());
            } catch (DatabaseException unreachable) {
                // the accessor kept its login: its clones connect through Payara's pool when first used
                LOG.warning(() -> "The database is not reachable while the persistence unit starts (pool '"
                        + getName() + "'); connections will be made when it is: " + firstLine(unreachable));
            } finally {
                log.setLevel(level);
            }
            setCachedConnection(template);
            setIsConnected(true);
        }

        private static String firstLine(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        }
    }
}
