package org.yidan.security.boundary;

import org.junit.jupiter.api.Test;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;
import org.yidan.security.entity.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Basic credential cache, with the password check replaced by a slow counting stand-in. */
class CredentialCheckTest {

    /** Stands in for the PBKDF2 check against the database: slow, and counts its calls. */
    static final class SlowAccounts extends UserAccounts {
        final AtomicInteger logins = new AtomicInteger();

        @Override
        public LoginResult login(String username, char[] password) {
            logins.incrementAndGet();
            try {
                Thread.sleep(150);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return "right".equals(new String(password))
                    ? new LoginResult(LoginOutcome.SUCCESS, username, username, Set.of(Role.CLERK), null)
                    : new LoginResult(LoginOutcome.WRONG_CREDENTIALS, username, null, Set.of(), null);
        }
    }

    static final class NoAudit extends AuditTrail {
        @Override
        public void recordIndependently(String username, AuditAction action, String target, AuditEvent.Outcome outcome,
                                        String detail) {
            // nothing to store in a unit test
        }
    }

    private final SlowAccounts accounts = new SlowAccounts();
    private final CredentialCheck check = new CredentialCheck();

    CredentialCheckTest() {
        check.users = accounts;
        check.audit = new NoAudit();
    }

    @Test
    void parallelRequestsOfOneUserCheckThePasswordOnce() throws Exception {
        List<UserAccounts.LoginOutcome> outcomes = inParallel(8, "clerk", "right");

        assertEquals(List.of(UserAccounts.LoginOutcome.SUCCESS), outcomes.stream().distinct().toList());
        assertEquals(1, accounts.logins.get(), "one PBKDF2 check for eight parallel requests");
        check.checkBasic("clerk", "right");
        assertEquals(1, accounts.logins.get(), "remembered afterwards");
    }

    @Test
    void aWrongPasswordIsNeverRememberedNorServedFromTheRightOnesCheck() throws Exception {
        check.checkBasic("clerk", "right");

        List<UserAccounts.LoginOutcome> outcomes = inParallel(4, "clerk", "wrong");

        assertEquals(List.of(UserAccounts.LoginOutcome.WRONG_CREDENTIALS), outcomes.stream().distinct().toList());
        assertEquals(5, accounts.logins.get(), "every wrong password is checked (and counted) on its own");
        check.checkBasic("clerk", "right");
        assertEquals(6, accounts.logins.get(), "a failure forgets the remembered password");
    }

    @Test
    void otherUsersAreCheckedOnTheirOwn() {
        check.checkBasic("clerk", "right");
        check.checkBasic("auditor", "right");

        assertEquals(2, accounts.logins.get());
    }

    private List<UserAccounts.LoginOutcome> inParallel(int requests, String username, String password)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<UserAccounts.LoginResult>> results = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return check.checkBasic(username, password);
            }));
        }
        start.countDown();
        List<UserAccounts.LoginOutcome> outcomes = new ArrayList<>();
        for (Future<UserAccounts.LoginResult> result : results) {
            outcomes.add(result.get().outcome());
        }
        pool.shutdown();
        return outcomes;
    }
}
