package org.yidan.security.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.entity.Fund;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;
import org.yidan.security.entity.Role;
import org.yidan.security.entity.UserAccount;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.yidan.security.entity.Role.ADMIN_NAME;

/** User administration for the ADMIN role: list users, create one with roles, unlock a locked account. Audited. */
@Stateless
@RolesAllowed(ADMIN_NAME)
public class UserAdministration {

    public static final String USER_INVALID = "USER_INVALID";
    public static final String USER_EXISTS = "USER_EXISTS";
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    /** A user as the list shows it; never the password hash. */
    public record UserRow(String username, String displayName, Set<Role> roles, String fund, boolean enabled,
                          Instant lockedUntil, Instant createdAt) implements Serializable {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    @Inject
    UserAccounts users;

    @Inject
    AuditTrail audit;

    @Inject
    CredentialCheck credentials;

    public List<UserRow> list() {
        List<UserRow> rows = new ArrayList<>();
        for (UserAccount user : users.all()) {
            rows.add(new UserRow(user.getUsername(), user.getDisplayName(), user.getRoles(), user.getFund(),
                    user.isEnabled(), user.getLockedUntil(), user.getCreatedAt()));
        }
        return rows;
    }

    /**
     * @throws RefusedException 422 {@code USER_INVALID} naming the field (username, displayName, password,
     *                          roles, fund); 409 {@code USER_EXISTS}
     */
    public void create(String username, String displayName, char[] password, Set<Role> roles, Fund fund, String by) {
        String name = username == null ? "" : username.trim();
        if (!USERNAME.matcher(name).matches()) {
            throw RefusedException.unprocessable(USER_INVALID, "username",
                    "User names are 3 to 64 lower-case letters, digits, dots, hyphens or underscores");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw RefusedException.unprocessable(USER_INVALID, "displayName", "The display name is required (at most 100)");
        }
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw RefusedException.unprocessable(USER_INVALID, "password",
                    "The initial password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (roles == null || roles.isEmpty()) {
            throw RefusedException.unprocessable(USER_INVALID, "roles", "At least one role is required");
        }
        if (roles.contains(Role.FUND_VIEWER) && fund == null) {
            throw RefusedException.unprocessable(USER_INVALID, "fund", "A fund officer needs a fund");
        }
        if (users.find(name).isPresent()) {
            throw RefusedException.conflict(USER_EXISTS, "The user name " + name + " is taken");
        }
        UserAccount user = users.create(name, displayName.trim(), password, EnumSet.copyOf(roles));
        if (roles.contains(Role.FUND_VIEWER)) {
            user.setFund(fund.name());
        }
        audit.record(by, AuditAction.USER_CREATE, name, AuditEvent.Outcome.SUCCESS, "roles " + roles);
    }

    public void unlock(String username, String by) {
        users.unlock(username);
        credentials.forget(username);
        audit.record(by, AuditAction.USER_UNLOCK, username, AuditEvent.Outcome.SUCCESS, null);
    }
}
