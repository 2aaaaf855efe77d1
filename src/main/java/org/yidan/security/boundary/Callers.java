package org.yidan.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.entity.Role;
import org.yidan.security.entity.UserAccount;
import org.yidan.settlement.control.SettlementView;

import java.util.List;

/**
 * What the signed-in caller may see: full ID numbers only for roles that need them (registrar,
 * auditor, administrator); a fund officer (FUND_VIEWER) only its own fund's lines.
 */
@ApplicationScoped
public class Callers {

    @Inject
    UserAccounts users;

    public String username(SecurityContext security) {
        return security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }

    /**
     * Refuses (403) before any work is done when the caller holds none of {@code roles}; the
     * services check again with {@code @RolesAllowed}.
     */
    public void requireAnyRole(SecurityContext security, String... roles) {
        for (String role : roles) {
            if (security.isUserInRole(role)) {
                return;
            }
        }
        throw new RefusedException(403, "FORBIDDEN", "Your role does not allow this action.", List.of());
    }

    public boolean mayReadFullIdNumbers(SecurityContext security) {
        return security.isUserInRole(Role.ADMIN_NAME) || security.isUserInRole(Role.REGISTRAR_NAME)
                || security.isUserInRole(Role.AUDITOR_NAME);
    }

    /** A caller who is only a fund officer sees its own fund's line; everybody else sees all lines. */
    public SettlementView restrictToOwnFund(SecurityContext security, SettlementView view) {
        boolean onlyFundViewer = security.isUserInRole(Role.FUND_VIEWER_NAME)
                && !security.isUserInRole(Role.CLERK_NAME) && !security.isUserInRole(Role.AUDITOR_NAME)
                && !security.isUserInRole(Role.ADMIN_NAME);
        if (!onlyFundViewer) {
            return view;
        }
        String fund = users.find(username(security)).map(UserAccount::getFund).orElse("");
        return view.onlyFund(fund);
    }
}
