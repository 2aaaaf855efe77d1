package org.yidan.ledger.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;
import org.yidan.security.entity.Role;

import java.util.List;
import java.util.Optional;

/**
 * Which fund the caller reads and acts on in the back office, by the one permission table: a fund officer (role
 * FUND_VIEWER, bound to one fund by its account) reads and clears its own fund only; auditors read every fund;
 * administrators read and clear every fund.
 */
@ApplicationScoped
public class FundScope {

    @Inject
    Permissions permissions;

    public boolean allFunds() {
        return permissions.may(Permission.CHOOSE_LEDGER_FUND);
    }

    public boolean mayReadFullIdNumbers() {
        return permissions.mayReadFullIdNumbers();
    }

    public String username() {
        return permissions.username();
    }

    /** The fund of a fund officer's account; empty for anybody else or an account that names none. */
    public Optional<String> ownFund() {
        if (!permissions.has(Role.FUND_VIEWER)) {
            return Optional.empty();
        }
        return permissions.ownFund().filter(fund -> !fund.isBlank());
    }

    /**
     * The fund to read: the requested one for auditors and administrators (null: all), always the own one for a
     * fund officer.
     *
     * @throws RefusedException 403 when the caller is a fund officer whose account names no fund
     */
    public String readable(String requested) {
        if (allFunds()) {
            return requested;
        }
        return ownFund().orElseThrow(FundScope::forbidden);
    }

    /**
     * Refuses (403) unless the caller may clear {@code fund}: one who may clear and read every fund (an
     * administrator) any fund, a fund officer its own. Auditors only read.
     */
    public void requireActOn(String fund) {
        permissions.require(Permission.CLEAR_STATEMENTS);
        if (allFunds()) {
            return;
        }
        if (ownFund().filter(own -> own.equals(fund)).isEmpty()) {
            throw forbidden();
        }
    }

    private static RefusedException forbidden() {
        return new RefusedException(403, "FORBIDDEN", "Your role does not allow this action on this fund.", List.of());
    }
}
