package dev.automations.platform.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 5);

    @Test
    void waitsDoubleWithinTheirUpperHalfAndStopAtTheLongest() {
        for (int i = 0; i < 200; i++) {
            assertBetween(500, 1000, backoff.next(1, null));
            assertBetween(1000, 2000, backoff.next(2, null));
            assertBetween(2000, 4000, backoff.next(3, null));
            assertBetween(2500, 5000, backoff.next(4, null));
        }
    }

    @Test
    void theLastAttemptHasNoNext() {
        assertEquals(Optional.empty(), backoff.next(5, null));
        assertEquals(Optional.empty(), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).next(1, Duration.ZERO));
    }

    @Test
    void retryAfterReplacesTheBackoffUnlessLongerThanTheLongestWait() {
        assertEquals(Optional.of(Duration.ofSeconds(3)), backoff.next(1, Duration.ofSeconds(3)));
        assertEquals(Optional.of(Duration.ZERO), backoff.next(1, Duration.ZERO));
        assertEquals(Optional.empty(), backoff.next(1, Duration.ofSeconds(6)));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        assertEquals(Duration.ofSeconds(120), Backoff.retryAfter(" 120 ", now));
        assertEquals(Duration.ofSeconds(30), Backoff.retryAfter("Sun, 01 Mar 2026 12:00:30 GMT", now));
        assertEquals(Duration.ZERO, Backoff.retryAfter("Sun, 01 Mar 2026 11:00:00 GMT", now));
        assertEquals(Duration.ofSeconds(Long.MAX_VALUE), Backoff.retryAfter("99999999999999999999", now));
        assertNull(Backoff.retryAfter("soon", now));
        assertNull(Backoff.retryAfter("-5", now));
        assertNull(Backoff.retryAfter(null, now));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
    }

    private static void assertBetween(long min, long max, Optional<Duration> wait) {
        long millis = wait.orElseThrow().toMillis();
        assertTrue(millis >= min && millis <= max, millis + " ms not in " + min + ".." + max);
    }
}
