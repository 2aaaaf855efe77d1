package org.yidan.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.entity.Permission;
import org.yidan.security.entity.Role;

import java.util.List;
import java.util.Optional;

/**
 * What the caller of the current request may do, by the one table {@link Permission}. The same answer for the
 * REST API, the screens and the facades, because all three ask the servlet request that carried the caller.
 */
@ApplicationScoped
public class Permissions {

    @Inject
    HttpServletRequest request;

    @Inject
    UserAccounts users;

    public String username() {
        return request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
    }

    public boolean has(Role role) {
        return request.isUserInRole(role.name());
    }

    public boolean may(Permission permission) {
        return permission.allows(this::has);
    }

    /**
     * Refuses (403 {@code FORBIDDEN}) before any work is done when the caller lacks {@code permission}; the
     * facades check the roles again with {@code @RolesAllowed}.
     */
    public void require(Permission permission) {
        if (!may(permission)) {
            throw new RefusedException(403, "FORBIDDEN", "Your role does not allow this action.", List.of());
        }
    }

    public boolean mayReadFullIdNumbers() {
        return may(Permission.READ_FULL_ID_NUMBERS);
    }

    /**
     * The one fund whose lines the caller may see, for a caller who reads fund lines only as a fund officer
     * (FUND_VIEWER); empty for a caller who may read every fund's line. A fund officer whose account names no
     * fund gets an empty code, which matches no line.
     */
    public Optional<String> onlyFund() {
        if (may(Permission.READ_SETTLEMENTS) || !has(Role.FUND_VIEWER)) {
            return Optional.empty();
        }
        return Optional.of(ownFund().orElse(""));
    }

    /** The fund named on the caller's user account (a fund officer's), if any. */
    public Optional<String> ownFund() {
        return users.find(username()).map(UserAccounts.UserProfile::fund);
    }
}
