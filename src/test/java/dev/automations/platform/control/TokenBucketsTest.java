package dev.automations.platform.control;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aKeyBurstsToTheRateThenWaitsForTheRefill() {
        TokenBuckets buckets = new TokenBuckets(3, now::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(buckets.take("a").isEmpty(), "request " + i);
        }
        assertEquals(OptionalLong.of(1), buckets.take("a"));
        assertTrue(buckets.take("b").isEmpty(), "keys do not share a bucket");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(340));
        assertTrue(buckets.take("a").isEmpty(), "a third of a second refills one of three");
        assertFalse(buckets.take("a").isEmpty());
    }

    @Test
    void zeroIsNoLimit() {
        TokenBuckets buckets = new TokenBuckets(0, now::get);
        for (int i = 0; i < 1000; i++) {
            assertTrue(buckets.take("a").isEmpty());
        }
    }

    @Test
    void concurrencyIsCappedAndPlacesComeBack() {
        ConcurrencyLimit limit = new ConcurrencyLimit(2);
        assertTrue(limit.tryEnter());
        assertTrue(limit.tryEnter());
        assertFalse(limit.tryEnter());
        limit.leave();
        assertTrue(limit.tryEnter());
        ConcurrencyLimit off = new ConcurrencyLimit(0);
        for (int i = 0; i < 100; i++) {
            assertTrue(off.tryEnter());
        }
    }
}
