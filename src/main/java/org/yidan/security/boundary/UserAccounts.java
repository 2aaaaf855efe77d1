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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Users and their passwords (PBKDF2, through Jakarta Security's {@link Pbkdf2PasswordHash}). */
@Stateless
public class UserAccounts {

    /** Five failed sign-ins in a row lock the account for fifteen minutes. */
    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    AuditTrail audit;

    /** What a sign-in attempt came to. */
    public enum LoginOutcome { SUCCESS, WRONG_CREDENTIALS, LOCKED, DISABLED }

    public record LoginResult(LoginOutcome outcome, String username, String displayName, Set<Role> roles,
                              String fund) {
    }

    /**
     * Checks a password, counting failures and locking the account after the fifth in a row.
     * Runs in its own transaction: a failed login must be counted even when nothing else commits.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public LoginResult login(String username, char[] password) {
        initHash();
        Instant now = Instant.now();
        List<UserAccount> found = em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty()) {
            // spend the same time as a real check so that user names cannot be probed by timing
            passwordHash.verify(password, DUMMY_HASH);
            audit.record(username, AuditAction.LOGIN, username, AuditEvent.Outcome.FAILURE, "unknown user");
            return new LoginResult(LoginOutcome.WRONG_CREDENTIALS, username, null, Set.of(), null);
        }
        UserAccount user = found.get(0);
        if (!user.isEnabled()) {
            audit.record(username, AuditAction.LOGIN, username, AuditEvent.Outcome.FAILURE, "account disabled");
            return new LoginResult(LoginOutcome.DISABLED, username, null, Set.of(), null);
        }
        if (user.isLocked(now)) {
            audit.record(username, AuditAction.LOGIN, username, AuditEvent.Outcome.FAILURE,
                    "account locked until " + user.getLockedUntil());
            return new LoginResult(LoginOutcome.LOCKED, username, null, Set.of(), null);
        }
        if (!passwordHash.verify(password, user.getPasswordHash())) {
            user.recordFailedLogin(MAX_FAILED_LOGINS, now.plus(LOCK_DURATION));
            boolean lockedNow = user.isLocked(now);
            audit.record(username, AuditAction.LOGIN, username, AuditEvent.Outcome.FAILURE,
                    lockedNow ? "wrong password; account locked for 15 minutes" : "wrong password");
            return new LoginResult(lockedNow ? LoginOutcome.LOCKED : LoginOutcome.WRONG_CREDENTIALS, username,
                    null, Set.of(), null);
        }
        user.recordSuccessfulLogin();
        return new LoginResult(LoginOutcome.SUCCESS, user.getUsername(), user.getDisplayName(), user.getRoles(),
                user.getFund());
    }

    public long count() {
        return em.createNamedQuery(UserAccount.COUNT, Long.class).getSingleResult();
    }

    public Optional<UserAccount> find(String username) {
        return em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    public List<UserAccount> all() {
        return em.createNamedQuery(UserAccount.FIND_ALL, UserAccount.class).getResultList();
    }

    public UserAccount create(String username, String displayName, char[] password, Set<Role> roles) {
        initHash();
        UserAccount user = new UserAccount(username, displayName, passwordHash.generate(password), roles);
        em.persist(user);
        return user;
    }

    public void unlock(String username) {
        find(username).ifPresent(UserAccount::unlock);
    }

    private void initHash() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "60000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    /** A valid hash of a random password, verified when the user does not exist. */
    private static final String DUMMY_HASH =
            "PBKDF2WithHmacSHA256:60000:c2FsdHNhbHRzYWx0c2FsdA==:3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
}
