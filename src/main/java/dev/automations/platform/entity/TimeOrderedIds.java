package dev.automations.platform.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * Ids for rows written at a high rate and in time order (events and their payloads, chat messages): UUIDv7 of RFC 9562,
 * the time in milliseconds first and 74 random bits after it. A random id lands each insert on a random page of the
 * primary-key index, so every commit rewrote as many index pages as it inserted rows; ids that follow the time land
 * together on the last pages (docs/decisions.md, "Throughput", eleventh round). The random bits come from
 * {@link UUID#randomUUID()}, so an id is as hard to guess beyond its millisecond as a random one.
 */
public final class TimeOrderedIds {

    private static final long TIME_BITS = 0xFFFF_FFFF_FFFFL;
    private static final long VERSION_7 = 0x7000L;
    /** The 12 random bits that follow the version ("rand_a"). */
    private static final long RAND_A = 0xFFFL;

    private TimeOrderedIds() {
    }

    public static UUID at(Instant time) {
        UUID random = UUID.randomUUID();
        long high = (time.toEpochMilli() & TIME_BITS) << 16 | (random.getMostSignificantBits() & RAND_A) | VERSION_7;
        return new UUID(high, random.getLeastSignificantBits());
    }
}
