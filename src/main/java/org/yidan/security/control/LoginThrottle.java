package org.yidan.security.control;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without letting anyone lock an account it does not own. Failures are
 * counted per client address and per user name (known or not) over a window:
 * <ul>
 *   <li>an address with {@code addressFailures} failures in the window gets no password checked until the
 *       window has passed (one guesser behind one address, however many names it tries);</li>
 *   <li>a user name with five or more failures gets one attempt per {@code accountSpacing} (a guesser of
 *       one account from many addresses), which a hospital system whose account is exempt from the lockout
 *       (see UserAccounts) still gets through within seconds.</li>
 * </ul>
 * In memory and per server: state is small, bounded, and a restart forgets it. Plain Java, clock passed in.
 */
public final class LoginThrottle {

    /** Failures of one name before its attempts are spaced out. */
    static final int ACCOUNT_FAILURES = 5;
    /** Beyond this many tracked names or addresses, expired entries are dropped; new ones are not tracked. */
    static final int MAX_TRACKED = 20_000;

    private record Window(Instant start, int failures, Instant last) {
    }

    private final int addressFailures;
    private final Duration window;
    private final Duration accountSpacing;
    private final ConcurrentHashMap<String, Window> byAddress = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Window> byAccount = new ConcurrentHashMap<>();

    public LoginThrottle(int addressFailures, Duration window, Duration accountSpacing) {
        this.addressFailures = addressFailures;
        this.window = window;
        this.accountSpacing = accountSpacing;
    }

    /** Whether a password may be checked now for this name from this address ({@code null}: unknown). */
    public boolean allows(String username, String address, Instant now) {
        Window fromAddress = address == null ? null : current(byAddress, address, now);
        if (fromAddress != null && fromAddress.failures() >= addressFailures) {
            return false;
        }
        Window ofAccount = current(byAccount, username, now);
        return ofAccount == null || ofAccount.failures() < ACCOUNT_FAILURES
                || !now.isBefore(ofAccount.last().plus(accountSpacing));
    }

    public void failed(String username, String address, Instant now) {
        if (address != null) {
            count(byAddress, address, now);
        }
        count(byAccount, username, now);
    }

    /** A right password ends the name's spacing; the address keeps its count (a guesser may know one password). */
    public void succeeded(String username) {
        byAccount.remove(username);
    }

    private Window current(ConcurrentHashMap<String, Window> windows, String key, Instant now) {
        Window found = windows.get(key);
        return found == null || !now.isBefore(found.start().plus(window)) ? null : found;
    }

    private void count(ConcurrentHashMap<String, Window> windows, String key, Instant now) {
        if (windows.size() >= MAX_TRACKED && !windows.containsKey(key)) {
            windows.values().removeIf(expired -> !now.isBefore(expired.start().plus(window)));
            if (windows.size() >= MAX_TRACKED) {
                return;
            }
        }
        windows.compute(key, (k, old) -> old == null || !now.isBefore(old.start().plus(window))
                ? new Window(now, 1, now) : new Window(old.start(), old.failures() + 1, now));
    }
}
