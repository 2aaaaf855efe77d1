package org.yidan.security.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yidan.platform.boundary.DatabaseMigration;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;
import org.yidan.security.entity.Role;

import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The first administrator from {@code YIDAN_BOOTSTRAP_ADMIN=user:password}, created once the schema is current
 * and only while there is no user at all. A production deployment that sets nothing has no default user.
 * Observes before any demo data, so that the demo users never stop the first administrator.
 */
@Stateless
public class FirstAdministrator {

    /** Observers of {@link DatabaseMigration.SchemaReady} that seed users run in this order. */
    public static final int ORDER = Interceptor.Priority.APPLICATION;

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    @ConfigProperty(name = "yidan.bootstrap.admin")
    Optional<String> bootstrapAdmin;

    @Inject
    UserAccounts users;

    @Inject
    AuditTrail audit;

    public void onSchemaReady(@Observes @Priority(ORDER) DatabaseMigration.SchemaReady ready) {
        bootstrapAdmin.filter(value -> !value.isBlank()).ifPresent(this::createFirstAdmin);
    }

    private void createFirstAdmin(String userAndPassword) {
        int colon = userAndPassword.indexOf(':');
        if (colon <= 0 || colon == userAndPassword.length() - 1) {
            LOG.severe("YIDAN_BOOTSTRAP_ADMIN must be user:password; no administrator was created");
            return;
        }
        if (users.count() > 0) {
            return;
        }
        String username = userAndPassword.substring(0, colon);
        users.create(username, "系统管理员", userAndPassword.substring(colon + 1).toCharArray(),
                EnumSet.of(Role.ADMIN));
        audit.record("system", AuditAction.USER_CREATE, username, AuditEvent.Outcome.SUCCESS,
                "first administrator from YIDAN_BOOTSTRAP_ADMIN");
        LOG.info(() -> "Created the first administrator '" + username + "' from YIDAN_BOOTSTRAP_ADMIN");
    }
}
