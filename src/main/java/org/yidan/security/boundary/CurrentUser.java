package org.yidan.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.entity.Policy;
import org.yidan.security.control.SignedInUser;
import org.yidan.security.entity.Role;

import java.util.Arrays;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The signed-in user as the screens see it: name and roles for the header, which menu items and
 * actions to offer, whether full ID numbers may be shown (as {@link Callers} decides for the REST API),
 * and the home screen of each role. The services check the same roles again with {@code @RolesAllowed}.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    FacesContext faces;

    @Inject
    Policies policies;

    public String getUsername() {
        return external().getUserPrincipal() == null ? "anonymous" : external().getUserPrincipal().getName();
    }

    public String getDisplayName() {
        SignedInUser user = signedIn();
        return user == null || user.displayName() == null ? getUsername() : user.displayName();
    }

    /** The user's roles in Chinese, e.g. 窗口经办. */
    public String getRoleLabels() {
        ResourceBundle messages = faces.getApplication().getResourceBundle(faces, "msg");
        return Arrays.stream(Role.values()).filter(this::has).map(role -> messages.getString("role." + role.name()))
                .collect(Collectors.joining("、"));
    }

    /** The counties this deployment settles for, e.g. 沂源县. */
    public String getCountyNames() {
        return policies.all().stream().map(Policy::countyName).distinct().collect(Collectors.joining("、"));
    }

    /** The fund a fund officer (FUND_VIEWER) may see, or null. */
    public String getFund() {
        SignedInUser user = signedIn();
        return user == null ? null : user.fund();
    }

    public boolean has(Role role) {
        return external().isUserInRole(role.name());
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public boolean isMaySettle() {
        return has(Role.CLERK) || isAdmin();
    }

    public boolean isMayReadSettlements() {
        return has(Role.CLERK) || has(Role.AUDITOR) || isAdmin();
    }

    public boolean isMayReverse() {
        return has(Role.AUDITOR) || isAdmin();
    }

    /** The fund ledger (基金台账): a fund officer its own fund, an auditor or administrator any fund. */
    public boolean isMayReadFundLedger() {
        return has(Role.FUND_VIEWER) || has(Role.AUDITOR) || isAdmin();
    }

    public boolean isMayMaintainRegistry() {
        return has(Role.REGISTRAR) || isAdmin();
    }

    public boolean isMayReadAudit() {
        return has(Role.AUDITOR) || isAdmin();
    }

    /** Full ID numbers only for the roles that need them (registrar, auditor, administrator), as in {@link Callers}. */
    public boolean isMayReadFullIdNumbers() {
        return has(Role.REGISTRAR) || has(Role.AUDITOR) || isAdmin();
    }

    /** Only the fund officer's own fund is shown to a user who is nothing but a fund officer. */
    public boolean isOnlyFundViewer() {
        return has(Role.FUND_VIEWER) && !has(Role.CLERK) && !has(Role.AUDITOR) && !isAdmin();
    }

    /** The first screen of the user's main role; null (stay on the home page) for a role without a screen. */
    public String home() {
        if (isMaySettle()) {
            return "/settlement/counter?faces-redirect=true";
        }
        if (has(Role.AUDITOR)) {
            return "/settlement/history?faces-redirect=true";
        }
        if (isMayMaintainRegistry()) {
            return "/beneficiaries/registry?faces-redirect=true";
        }
        if (has(Role.FUND_VIEWER)) {
            return "/settlement/fund-ledger?faces-redirect=true";
        }
        return null;
    }

    /**
     * Refuses a screen to a user without one of {@code roles}. web.xml already keeps such users out of the
     * page; this guards the view bean itself, e.g. against a request that reaches it through another page.
     */
    public void require(Role... roles) {
        for (Role role : roles) {
            if (has(role)) {
                return;
            }
        }
        throw new SecurityException(getUsername() + " lacks any of " + Arrays.toString(roles));
    }

    private SignedInUser signedIn() {
        Object user = external().getSessionMap().get(SignedInUser.SESSION_ATTRIBUTE);
        return user instanceof SignedInUser signed ? signed : null;
    }

    private ExternalContext external() {
        return faces.getExternalContext();
    }
}
