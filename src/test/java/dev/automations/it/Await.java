package dev.automations.it;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for something asynchronous to happen, and fails the test with what was last seen when it does not. */
final class Await {

    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    /** @return the first value {@code probe} gave that satisfies {@code done} */
    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<T> last = Optional.empty();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (done.test(value)) {
                    return value;
                }
                last = Optional.ofNullable(value);
                lastFailure = null;
            } catch (Exception e) {
                // RestAssured throws a refused connection as a checked exception nobody declared.
                lastFailure = e;
            }
            pause();
        }
        AssertionError failed = new AssertionError("Timed out after " + timeout + " waiting for " + what
                + (last.isPresent() ? "; last seen: " + last.get() : ""));
        if (lastFailure != null) {
            failed.initCause(lastFailure);
        }
        throw failed;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
