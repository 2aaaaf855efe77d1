package org.yidan.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.boundary.UserAccounts;
import org.yidan.security.entity.AuditEvent;
import org.yidan.security.entity.Role;

import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What happens once the schema is current: the first administrator from
 * {@code YIDAN_BOOTSTRAP_ADMIN=user:password} when there is no user yet, and the demo data when
 * {@code YIDAN_DEMO_DATA=true}. A production deployment sets neither and so has no default users.
 */
@Stateless
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "yidan.bootstrap.admin")
    Optional<String> bootstrapAdmin;

    @Inject
    @ConfigProperty(name = "yidan.demo.data", defaultValue = "false")
    boolean demoData;

    @Inject
    UserAccounts users;

    @Inject
    AuditTrail audit;

    @Inject
    DemoData demo;

    public void onSchemaReady(@Observes DatabaseMigration.SchemaReady ready) {
        bootstrapAdmin.filter(value -> !value.isBlank()).ifPresent(this::createFirstAdmin);
        if (demoData) {
            demo.loadOnce();
        }
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
        audit.record("system", "USER_CREATE", username, AuditEvent.Outcome.SUCCESS,
                "first administrator from YIDAN_BOOTSTRAP_ADMIN");
        LOG.info(() -> "Created the first administrator '" + username + "' from YIDAN_BOOTSTRAP_ADMIN");
    }
}
