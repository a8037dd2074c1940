package dev.automations.it;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waiting on something the server does asynchronously: polls a condition until it holds and fails the test,
 * naming what it waited for and what it saw last, when the deadline passes first. The poll interval below is
 * the only pause in the tests.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {
    }

    /** Polls until {@code condition} is true; an exception it throws fails the wait at once. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, condition, Boolean.TRUE::equals);
    }

    /** Polls {@code probe} until its value satisfies {@code done}, and returns that value. */
    public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = call(what, probe);
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                return fail("Gave up after " + timeout.toSeconds() + " s waiting until " + what + "; last seen: " + value);
            }
            pause();
        }
    }

    private static <T> T call(String what, Callable<T> probe) {
        try {
            return probe.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("While waiting until " + what, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
