package org.yidan.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.entity.Policy;
import org.yidan.security.control.SignedInUser;
import org.yidan.security.entity.Permission;
import org.yidan.security.entity.Role;

import java.util.Arrays;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The signed-in user as the screens see it: name and roles for the header, which menu items and
 * actions to offer ({@link Permissions}, the same answers the REST API gets), and the home screen of each role. The services check the same roles again with {@code @RolesAllowed}.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    FacesContext faces;

    @Inject
    Policies policies;

    @Inject
    Permissions permissions;

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

    public boolean may(Permission permission) {
        return permissions.may(permission);
    }

    public boolean isMaySettle() {
        return may(Permission.SETTLE);
    }

    public boolean isMayReadSettlements() {
        return may(Permission.READ_SETTLEMENTS);
    }

    public boolean isMayReverse() {
        return may(Permission.REVERSE);
    }

    /** The fund ledger (基金台账): a fund officer its own fund, an auditor or administrator any fund. */
    public boolean isMayReadFundLedger() {
        return may(Permission.READ_FUND_LEDGER);
    }

    public boolean isMayMaintainRegistry() {
        return may(Permission.MAINTAIN_REGISTRY);
    }

    public boolean isMayReadAudit() {
        return may(Permission.READ_AUDIT);
    }

    public boolean isMayManageUsers() {
        return may(Permission.MANAGE_USERS);
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
            return "/ledger/ledger?faces-redirect=true";
        }
        return null;
    }

    /**
     * Refuses a screen to a user without {@code permission}. web.xml already keeps such users out of the
     * page; this guards the view bean itself, e.g. against a request that reaches it through another page.
     */
    public void require(Permission permission) {
        if (!may(permission)) {
            throw new SecurityException(getUsername() + " lacks the permission " + permission);
        }
    }

    private SignedInUser signedIn() {
        Object user = external().getSessionMap().get(SignedInUser.SESSION_ATTRIBUTE);
        return user instanceof SignedInUser signed ? signed : null;
    }

    private ExternalContext external() {
        return faces.getExternalContext();
    }
}
