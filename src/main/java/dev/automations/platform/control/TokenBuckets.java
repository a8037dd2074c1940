package dev.automations.platform.control;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A rate limit per key: each key's bucket holds one second's worth of requests and refills continuously, so a key
 * may burst up to the rate and then goes on at the rate. A limit of 0 is no limit.
 */
public final class TokenBuckets {

    /** Full buckets carry no state worth keeping; past this many keys they are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final double perSecond;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int perSecond, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.nanos = nanos;
    }

    /** @return empty when {@code key} may make a request now, otherwise the whole seconds until it may */
    public OptionalLong take(String key) {
        if (perSecond <= 0) {
            return OptionalLong.empty();
        }
        if (buckets.size() > PRUNE_ABOVE) {
            long now = nanos.getAsLong();
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(nanos.getAsLong())).take(nanos.getAsLong());
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(long now) {
            tokens = perSecond;
            refilledAt = now;
        }

        synchronized OptionalLong take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - tokens) / perSecond)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= perSecond;
        }

        private void refill(long now) {
            tokens = Math.min(perSecond, tokens + (now - refilledAt) * perSecond / TimeUnit.SECONDS.toNanos(1));
            refilledAt = now;
        }
    }
}
