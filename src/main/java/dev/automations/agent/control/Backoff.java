package dev.automations.agent.control;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a chat waits before its next attempt (§15 step 5): what the server asked for in {@code Retry-After}, else
 * 2 s doubling per failed attempt, plus up to 20 % jitter so chats that failed together do not return together.
 */
final class Backoff {

    static final Duration BASE = Duration.ofSeconds(2);
    static final Duration MAX = Duration.ofMinutes(5);
    /** A server asking for more than this is asked again then; the chat still errs after the last attempt. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private Backoff() {
    }

    /** @param failed attempts failed so far, this one included (1 after the first failure) */
    static Duration delay(int failed, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter.get();
        }
        Duration exponential = BASE.multipliedBy(1L << Math.min(failed - 1, 20));
        Duration capped = exponential.compareTo(MAX) > 0 ? MAX : exponential;
        return capped.plusMillis(ThreadLocalRandom.current().nextLong(capped.toMillis() / 5 + 1));
    }
}
