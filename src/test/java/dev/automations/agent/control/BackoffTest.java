package dev.automations.agent.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private static void between(Duration low, Duration high, Duration actual) {
        assertTrue(actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0, low + " <= " + actual + " <= " + high);
    }

    @Test
    void doublesFromTwoSecondsWithJitterUpToFiveMinutes() {
        for (int i = 0; i < 100; i++) {
            between(Duration.ofSeconds(2), Duration.ofMillis(2400), Backoff.delay(1, Optional.empty()));
            between(Duration.ofSeconds(4), Duration.ofMillis(4800), Backoff.delay(2, Optional.empty()));
            between(Duration.ofMinutes(5), Duration.ofMinutes(6), Backoff.delay(40, Optional.empty()));
        }
    }

    @Test
    void retryAfterWinsUpToAnHour() {
        assertEquals(Duration.ofSeconds(1), Backoff.delay(3, Optional.of(Duration.ofSeconds(1))));
        assertEquals(Duration.ofHours(1), Backoff.delay(1, Optional.of(Duration.ofDays(2))));
    }
}
