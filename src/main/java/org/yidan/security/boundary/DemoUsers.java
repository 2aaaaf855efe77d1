package org.yidan.security.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.yidan.platform.boundary.DemoDataSwitch;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;
import org.yidan.security.entity.Role;

import java.util.EnumSet;

/**
 * The embedded demo's users of api.md (YIDAN_DEMO_DATA=true), created once per database. The demo
 * beneficiaries are seeded by their own component.
 */
@Stateless
public class DemoUsers {

    /** The mark the demo data has always used, so that a database seeded before keeps its users as they are. */
    private static final String LOADED_MARK = "demo-data-loaded";

    @Inject
    UserAccounts users;

    @Inject
    AuditTrail audit;

    public void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) DemoDataSwitch.DemoDataWanted wanted) {
        if (!wanted.firstTime(LOADED_MARK)) {
            return;
        }
        createUser("demo-clerk", "演示窗口经办", EnumSet.of(Role.CLERK));
        createUser("demo-admin", "演示管理员", EnumSet.of(Role.ADMIN));
        createUser("demo-auditor", "演示审核员", EnumSet.of(Role.AUDITOR));
        createUser("demo-registrar", "演示登记员", EnumSet.of(Role.REGISTRAR));
        createUser("demo-fund", "演示医疗救助基金经办", EnumSet.of(Role.FUND_VIEWER));
        createUser("demo-analyst", "演示政策测算员", EnumSet.of(Role.POLICY_ANALYST));
        users.assignFund("demo-fund", "ASSISTANCE");
        audit.record("system", AuditAction.DEMO_DATA, "demo", AuditEvent.Outcome.SUCCESS, "demo users loaded");
    }

    private void createUser(String username, String displayName, EnumSet<Role> roles) {
        if (users.find(username).isEmpty()) {
            users.create(username, displayName, username.toCharArray(), roles);
        }
    }
}
