package dev.automations.platform.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a remote call again (§15 step 5, §17): exponential waits from {@code initial}, doubled per attempt,
 * each drawn from its upper half so that instances which failed together do not retry together; a server's
 * {@code Retry-After} instead when it sent one. No wait is longer than {@code max}: a server asking for more is
 * not retried, since holding on that long helps nobody who is waiting for the outcome.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final int maxAttempts;

    public Backoff(Duration initial, Duration max, int maxAttempts) {
        if (initial.isNegative() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max and at least one attempt");
        }
        this.initial = initial;
        this.max = max;
        this.maxAttempts = maxAttempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * @param attempt    the attempt that just failed, counted from 1
     * @param retryAfter what the server asked for, or null
     * @return the wait before the next attempt, or empty when there is to be none
     */
    public Optional<Duration> next(int attempt, Duration retryAfter) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        if (retryAfter != null) {
            return retryAfter.compareTo(max) > 0 ? Optional.empty() : Optional.of(retryAfter);
        }
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 30));
        return Optional.of(Duration.ofMillis(ceiling - ThreadLocalRandom.current().nextLong(ceiling / 2 + 1)));
    }

    /**
     * A {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). A date in the past is no wait;
     * anything unreadable is as if absent.
     */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
