package org.yidan.security.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.yidan.security.entity.AuditAction;
import org.eclipse.microprofile.config.ConfigProvider;
import org.yidan.security.control.LoginThrottle;
import org.yidan.security.entity.AuditEvent;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks HTTP Basic credentials. A hospital system sends them with every request, and PBKDF2 is
 * deliberately slow, so a successful check is remembered for a minute, keyed by an HMAC of the
 * password under a key that lives only in this JVM. Any failure for the user forgets it at once.
 * <p>
 * When the minute is over, a hospital system's parallel requests would all check the password at
 * once, each waiting for the user row that the check locks: eight requests queued for over a second
 * in the benchmark. So one request per user checks while the others with the same user wait for it
 * and take its result (striped locks: the number of locks stays fixed whatever user names are sent).
 * <p>
 * Password checks are throttled per client address and per user name ({@link LoginThrottle}); a
 * throttled attempt gets the same answer as a wrong password, without a check.
 */
@ApplicationScoped
public class CredentialCheck {

    private static final Duration REMEMBER_FOR = Duration.ofMinutes(1);
    private static final int LOCK_STRIPES = 64;

    private record Remembered(byte[] passwordMac, UserAccounts.LoginResult result, Instant until) {
    }

    @Inject
    UserAccounts users;

    @Inject
    AuditTrail audit;

    private final ConcurrentHashMap<String, Remembered> recent = new ConcurrentHashMap<>();
    private final Object[] checkLocks = new Object[LOCK_STRIPES];
    private final byte[] macKey = new byte[32];
    // one initialised HMAC per thread: Mac.getInstance looks the provider up on every call (1 % of a settlement's
    // CPU in the benchmark's profile, for a check made on every HTTP Basic request)
    private final ThreadLocal<Mac> hmacs = ThreadLocal.withInitial(this::newHmac);
    private LoginThrottle throttle = new LoginThrottle(30, Duration.ofMinutes(10), Duration.ofSeconds(2));

    public CredentialCheck() {
        new SecureRandom().nextBytes(macKey);
        for (int i = 0; i < LOCK_STRIPES; i++) {
            checkLocks[i] = new Object();
        }
    }

    /** {@code yidan.login.throttle.address-failures} and {@code .window-minutes}: see the README. */
    @PostConstruct
    void configure() {
        var config = ConfigProvider.getConfig();
        throttle = new LoginThrottle(
                config.getOptionalValue("yidan.login.throttle.address-failures", Integer.class).orElse(30),
                Duration.ofMinutes(config.getOptionalValue("yidan.login.throttle.window-minutes", Integer.class)
                        .orElse(10)),
                Duration.ofSeconds(2));
    }

    public UserAccounts.LoginResult checkBasic(String username, String password) {
        return checkBasic(username, password, null);
    }

    /** @param address the client's address, for the throttle; null when unknown */
    public UserAccounts.LoginResult checkBasic(String username, String password, String address) {
        byte[] mac = mac(username, password);
        UserAccounts.LoginResult remembered = remembered(username, mac);
        if (remembered != null) {
            return remembered;
        }
        synchronized (checkLocks[Math.floorMod(username.hashCode(), LOCK_STRIPES)]) {
            // a request that waited here finds the result of the check it waited for
            remembered = remembered(username, mac);
            if (remembered != null) {
                return remembered;
            }
            UserAccounts.LoginResult result = throttledLogin(username, password, address);
            if (result.outcome() == UserAccounts.LoginOutcome.SUCCESS) {
                recent.put(username, new Remembered(mac, result, Instant.now().plus(REMEMBER_FOR)));
                audit.recordIndependently(username, AuditAction.LOGIN, username, AuditEvent.Outcome.SUCCESS, "HTTP Basic");
            } else {
                recent.remove(username);
            }
            return result;
        }
    }

    private UserAccounts.LoginResult remembered(String username, byte[] mac) {
        Remembered remembered = recent.get(username);
        if (remembered != null && remembered.until().isAfter(Instant.now())
                && MessageDigest.isEqual(remembered.passwordMac(), mac)) {
            return remembered.result();
        }
        return null;
    }

    /** A form login: never served from memory, always audited. */
    public UserAccounts.LoginResult checkForm(String username, String password) {
        return checkForm(username, password, null);
    }

    public UserAccounts.LoginResult checkForm(String username, String password, String address) {
        recent.remove(username);
        UserAccounts.LoginResult result = throttledLogin(username, password, address);
        if (result.outcome() == UserAccounts.LoginOutcome.SUCCESS) {
            audit.recordIndependently(username, AuditAction.LOGIN, username, AuditEvent.Outcome.SUCCESS, "form login");
        }
        return result;
    }

    private UserAccounts.LoginResult throttledLogin(String username, String password, String address) {
        Instant now = Instant.now();
        if (!throttle.allows(username, address, now)) {
            audit.recordIndependently(username, AuditAction.LOGIN, username, AuditEvent.Outcome.REFUSED,
                    "throttled: too many failed sign-ins from " + address + " or for this user name");
            return new UserAccounts.LoginResult(UserAccounts.LoginOutcome.WRONG_CREDENTIALS, username, null,
                    java.util.Set.of(), null);
        }
        UserAccounts.LoginResult result = users.login(username, password.toCharArray());
        if (result.outcome() == UserAccounts.LoginOutcome.SUCCESS) {
            throttle.succeeded(username);
        } else {
            throttle.failed(username, address, now);
        }
        return result;
    }

    /** Forget remembered credentials, e.g. after a password change or a lock. */
    public void forget(String username) {
        recent.remove(username);
        // an administrator's unlock or reset also ends the name's throttling
        throttle.succeeded(username);
    }

    private byte[] mac(String username, String password) {
        // doFinal resets the HMAC for the next call on this thread
        return hmacs.get().doFinal((username + '\0' + password).getBytes(StandardCharsets.UTF_8));
    }

    private Mac newHmac() {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return hmac;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
