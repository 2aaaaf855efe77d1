package org.yidan.security.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    final LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(10), Duration.ofSeconds(2));

    @Test
    void anAddressWithTooManyFailuresIsRefusedForAnyNameUntilTheWindowEnds() {
        for (int i = 0; i < 10; i++) {
            assertTrue(throttle.allows("name-" + i, "10.0.0.1", start));
            throttle.failed("name-" + i, "10.0.0.1", start.plusSeconds(i));
        }
        assertFalse(throttle.allows("demo-clerk", "10.0.0.1", start.plusSeconds(20)));
        assertTrue(throttle.allows("demo-clerk", "10.0.0.2", start.plusSeconds(20)), "other addresses are not affected");
        assertTrue(throttle.allows("demo-clerk", "10.0.0.1", start.plus(Duration.ofMinutes(10))), "the window ends");
    }

    @Test
    void aNameWithFiveFailuresGetsOneAttemptEveryTwoSecondsFromAnyAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("his-1", "10.0.1." + i, start);
        }
        assertFalse(throttle.allows("his-1", "10.0.2.1", start.plusMillis(1500)));
        assertTrue(throttle.allows("his-1", "10.0.2.1", start.plusSeconds(2)));
        throttle.succeeded("his-1");
        assertTrue(throttle.allows("his-1", "10.0.2.1", start.plusMillis(2100)));
    }
}
