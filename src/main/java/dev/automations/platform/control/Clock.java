package dev.automations.platform.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times are kept to the millisecond: both databases store that exactly, so what is written is what is read back. */
public final class Clock {

    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
