package org.yidan.security.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.entity.Fund;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;
import org.yidan.security.entity.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;
import static org.yidan.security.entity.Role.CLERK_NAME;
import static org.yidan.security.entity.Role.FUND_VIEWER_NAME;
import static org.yidan.security.entity.Role.POLICY_ANALYST_NAME;
import static org.yidan.security.entity.Role.REGISTRAR_NAME;

/**
 * User administration for the ADMIN role: list users, create one, reset a password, change roles and fund,
 * disable, exempt a hospital system's account from the lockout, unlock. Every user changes its own password
 * here too (the old one required). Every change is audited; no password or hash ever leaves this class.
 * <p>
 * A password set through the product has at least {@value #MIN_PASSWORD_LENGTH} characters. The demo's
 * accounts ({@code demo-clerk}/{@code demo-clerk}) are created by the demo data, not through here, and keep
 * their short, documented passwords.
 */
@Stateless
@RolesAllowed(ADMIN_NAME)
public class UserAdministration {

    public static final String USER_INVALID = "USER_INVALID";
    public static final String USER_EXISTS = "USER_EXISTS";
    public static final String USER_UNKNOWN = "USER_UNKNOWN";
    public static final String WRONG_PASSWORD = "WRONG_PASSWORD";
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** PBKDF2 reads every character; a megabyte "password" would be a megabyte hashed 600,000 times. */
    public static final int MAX_PASSWORD_LENGTH = 200;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    @Inject
    UserAccounts users;

    @Inject
    AuditTrail audit;

    @Inject
    CredentialCheck credentials;

    public List<UserAccounts.UserProfile> list() {
        return users.all();
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
        checkStrength(password);
        checkRoles(roles, fund);
        if (users.find(name).isPresent()) {
            throw RefusedException.conflict(USER_EXISTS, "The user name " + name + " is taken");
        }
        users.create(name, displayName.trim(), password, EnumSet.copyOf(roles),
                roles.contains(Role.FUND_VIEWER) ? fund.name() : null);
        audit.record(by, AuditAction.USER_CREATE, name, AuditEvent.Outcome.SUCCESS, "roles " + roles);
    }

    /** Sets a new password chosen by the administrator and lifts a lock; the user's remembered credential is forgotten. */
    public void resetPassword(String username, char[] password, String by) {
        existing(username);
        checkStrength(password);
        users.setPassword(username, password);
        credentials.forget(username);
        audit.record(by, AuditAction.USER_PASSWORD_RESET, username, AuditEvent.Outcome.SUCCESS, null);
    }

    /**
     * Roles and fund, enabled or disabled, exempt from the lockout or not. An administrator cannot disable
     * itself or take its own ADMIN role: there would be nobody left to undo it.
     */
    public void update(String username, Set<Role> roles, Fund fund, boolean enabled, boolean lockoutExempt, String by) {
        UserAccounts.UserProfile before = existing(username);
        checkRoles(roles, fund);
        if (username.equals(by) && (!enabled || !roles.contains(Role.ADMIN))) {
            throw RefusedException.unprocessable(USER_INVALID, "roles",
                    "An administrator cannot disable itself or remove its own ADMIN role");
        }
        users.update(username, EnumSet.copyOf(roles), roles.contains(Role.FUND_VIEWER) ? fund.name() : null,
                enabled, lockoutExempt);
        credentials.forget(username);
        audit.record(by, AuditAction.USER_UPDATE, username, AuditEvent.Outcome.SUCCESS,
                "roles " + before.roles() + " -> " + roles + (enabled ? "" : ", disabled")
                        + (lockoutExempt ? ", exempt from lockout" : ""));
    }

    public void unlock(String username, String by) {
        users.unlock(username);
        credentials.forget(username);
        audit.record(by, AuditAction.USER_UNLOCK, username, AuditEvent.Outcome.SUCCESS, null);
    }

    /**
     * Any signed-in user changes its own password; the old one is checked like a sign-in.
     *
     * @throws RefusedException 422 {@code WRONG_PASSWORD} (field oldPassword), {@code USER_INVALID} (field password)
     */
    @RolesAllowed({CLERK_NAME, AUDITOR_NAME, FUND_VIEWER_NAME, REGISTRAR_NAME, POLICY_ANALYST_NAME, ADMIN_NAME})
    public void changeOwnPassword(String username, char[] oldPassword, char[] newPassword) {
        checkStrength(newPassword);
        if (oldPassword == null || oldPassword.length > MAX_PASSWORD_LENGTH
                || !users.changeOwnPassword(username, oldPassword, newPassword)) {
            audit.recordIndependently(username, AuditAction.PASSWORD_CHANGE, username, AuditEvent.Outcome.REFUSED,
                    "old password wrong");
            throw RefusedException.unprocessable(WRONG_PASSWORD, "oldPassword", "The old password is wrong");
        }
        credentials.forget(username);
        audit.record(username, AuditAction.PASSWORD_CHANGE, username, AuditEvent.Outcome.SUCCESS, null);
    }

    private UserAccounts.UserProfile existing(String username) {
        return users.find(username).orElseThrow(() -> RefusedException.notFound(USER_UNKNOWN, "No such user"));
    }

    private static void checkStrength(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
            throw RefusedException.unprocessable(USER_INVALID, "password",
                    "A password needs " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        }
        if (new String(password).isBlank()) {
            throw RefusedException.unprocessable(USER_INVALID, "password", "A password cannot be only spaces");
        }
    }

    private static void checkRoles(Set<Role> roles, Fund fund) {
        if (roles == null || roles.isEmpty()) {
            throw RefusedException.unprocessable(USER_INVALID, "roles", "At least one role is required");
        }
        if (roles.contains(Role.FUND_VIEWER) && fund == null) {
            throw RefusedException.unprocessable(USER_INVALID, "fund", "A fund officer needs a fund");
        }
    }
}
