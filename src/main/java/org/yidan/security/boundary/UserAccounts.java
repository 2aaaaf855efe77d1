package org.yidan.security.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;
import org.yidan.security.entity.Role;
import org.yidan.security.entity.UserAccount;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users and their passwords: PBKDF2-HMAC-SHA256 with {@value #ITERATIONS} iterations (OWASP's current
 * figure), through Jakarta Security's {@link Pbkdf2PasswordHash}. The entity stays inside this class:
 * everybody else gets a {@link UserProfile}, which has no password hash.
 */
@Stateless
public class UserAccounts {

    /** Five failed sign-ins in a row lock the account for fifteen minutes (unless it is exempt, see below). */
    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    public static final int MAX_USERNAME_LENGTH = 64;
    /** PBKDF2 iterations of every hash made now; older hashes are made again at their user's next sign-in. */
    public static final int ITERATIONS = 600_000;
    /**
     * The one answer to every failed sign-in, whatever the reason (unknown name, wrong password, locked,
     * disabled, throttled): a different answer would tell which user names exist.
     */
    public static final String FAILED_SIGN_IN =
            "Wrong user name or password, or the account is locked for a while; try again later.";

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    /** A hash of a random password, verified when the user does not exist so that the answer takes as long. */
    private static final String DUMMY_HASH = ALGORITHM
            + ":600000:w8Kg9fn1INUB89MsbipMCQ==:gIeWotvRLS2/fi3GSQP8P84r32MiF9DTGyt0RXL42KU=";

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    AuditTrail audit;

    /** What a sign-in attempt came to; only the audit trail and the server see the difference. */
    public enum LoginOutcome { SUCCESS, WRONG_CREDENTIALS, LOCKED, DISABLED }

    public record LoginResult(LoginOutcome outcome, String username, String displayName, Set<Role> roles,
                              String fund) {
    }

    /**
     * A user without the password hash. {@code lockoutExempt}: failed sign-ins never lock the account (a
     * hospital system's account, which anyone could otherwise lock by guessing); throttling still applies.
     */
    public record UserProfile(String username, String displayName, Set<Role> roles, String fund, boolean enabled,
                              boolean lockoutExempt, Instant lockedUntil, Instant createdAt) implements Serializable {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /**
     * Checks a password, counting failures and locking the account after the fifth in a row. Every attempt
     * costs one hash check whatever the account's state, so that the time of the answer does not tell an
     * unknown name from a locked account. A right password stored with fewer iterations is hashed again.
     * Runs in its own transaction: a failed login must be counted even when nothing else commits.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public LoginResult login(String username, char[] password) {
        initHash();
        Instant now = Instant.now();
        List<UserAccount> found = username.length() > MAX_USERNAME_LENGTH ? List.of()
                : em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        UserAccount user = found.isEmpty() ? null : found.get(0);
        boolean passwordRight = passwordHash.verify(password, user == null ? DUMMY_HASH : user.getPasswordHash());
        if (user == null) {
            audit.record(username, AuditAction.LOGIN, username, AuditEvent.Outcome.FAILURE, "unknown user");
            return failed(LoginOutcome.WRONG_CREDENTIALS, username);
        }
        if (!user.isEnabled()) {
            audit.record(username, AuditAction.LOGIN, username, AuditEvent.Outcome.FAILURE, "account disabled");
            return failed(LoginOutcome.DISABLED, username);
        }
        if (user.isLocked(now)) {
            audit.record(username, AuditAction.LOGIN, username, AuditEvent.Outcome.FAILURE,
                    "account locked until " + user.getLockedUntil());
            return failed(LoginOutcome.LOCKED, username);
        }
        if (!passwordRight) {
            if (user.isLockoutExempt()) {
                audit.record(username, AuditAction.LOGIN, username, AuditEvent.Outcome.FAILURE,
                        "wrong password; account exempt from lockout, throttled");
                return failed(LoginOutcome.WRONG_CREDENTIALS, username);
            }
            user.recordFailedLogin(MAX_FAILED_LOGINS, now.plus(LOCK_DURATION));
            boolean lockedNow = user.isLocked(now);
            audit.record(username, AuditAction.LOGIN, username, AuditEvent.Outcome.FAILURE,
                    lockedNow ? "wrong password; account locked for 15 minutes" : "wrong password");
            return failed(lockedNow ? LoginOutcome.LOCKED : LoginOutcome.WRONG_CREDENTIALS, username);
        }
        user.recordSuccessfulLogin();
        if (iterationsOf(user.getPasswordHash()) < ITERATIONS) {
            user.setPasswordHash(passwordHash.generate(password));
            audit.record(username, AuditAction.PASSWORD_REHASH, username, AuditEvent.Outcome.SUCCESS,
                    "hashed again with " + ITERATIONS + " iterations");
        }
        return new LoginResult(LoginOutcome.SUCCESS, user.getUsername(), user.getDisplayName(), user.getRoles(),
                user.getFund());
    }

    private static LoginResult failed(LoginOutcome outcome, String username) {
        return new LoginResult(outcome, username, null, Set.of(), null);
    }

    /** The iteration count of a stored hash {@code algorithm:iterations:salt:hash}; 0 when unreadable. */
    static int iterationsOf(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        try {
            return parts.length == 4 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }

    /**
     * The user's own password change: the old password is required and checked like a sign-in (a wrong
     * one counts as a failed sign-in).
     *
     * @return false when the old password is wrong (or the account cannot sign in)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean changeOwnPassword(String username, char[] oldPassword, char[] newPassword) {
        if (login(username, oldPassword).outcome() != LoginOutcome.SUCCESS) {
            return false;
        }
        entity(username).ifPresent(user -> user.setPasswordHash(hash(newPassword)));
        return true;
    }

    public long count() {
        return em.createNamedQuery(UserAccount.COUNT, Long.class).getSingleResult();
    }

    public Optional<UserProfile> find(String username) {
        return entity(username).map(UserAccounts::profile);
    }

    public List<UserProfile> all() {
        return em.createNamedQuery(UserAccount.FIND_ALL, UserAccount.class).getResultStream()
                .map(UserAccounts::profile).toList();
    }

    public UserProfile create(String username, String displayName, char[] password, Set<Role> roles) {
        return create(username, displayName, password, roles, null);
    }

    public UserProfile create(String username, String displayName, char[] password, Set<Role> roles, String fund) {
        UserAccount user = new UserAccount(username, displayName, hash(password), roles);
        user.setFund(fund);
        em.persist(user);
        return profile(user);
    }

    /** Binds a fund officer to its fund. */
    public void assignFund(String username, String fund) {
        entity(username).ifPresent(user -> user.setFund(fund));
    }

    /** Roles, fund (null unless a fund officer), enabled and lockout exemption in one change. */
    public void update(String username, Set<Role> roles, String fund, boolean enabled, boolean lockoutExempt) {
        entity(username).ifPresent(user -> {
            user.setRoles(roles);
            user.setFund(fund);
            user.setEnabled(enabled);
            user.setLockoutExempt(lockoutExempt);
        });
    }

    /** An administrator's reset: the new password, and the lock lifted. */
    public void setPassword(String username, char[] password) {
        entity(username).ifPresent(user -> {
            user.setPasswordHash(hash(password));
            user.unlock();
        });
    }

    public void unlock(String username) {
        entity(username).ifPresent(UserAccount::unlock);
    }

    private Optional<UserAccount> entity(String username) {
        if (username == null || username.length() > MAX_USERNAME_LENGTH) {
            return Optional.empty();
        }
        return em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    private static UserProfile profile(UserAccount user) {
        return new UserProfile(user.getUsername(), user.getDisplayName(), user.getRoles(), user.getFund(),
                user.isEnabled(), user.isLockoutExempt(), user.getLockedUntil(), user.getCreatedAt());
    }

    private String hash(char[] password) {
        initHash();
        return passwordHash.generate(password);
    }

    private void initHash() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }
}
