package dev.automations.platform.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidThatStartsWithItsMillisecond() {
        Instant time = Instant.parse("2026-12-03T07:15:30.123Z");
        UUID id = TimeOrderedIds.at(time);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(time.toEpochMilli(), id.getMostSignificantBits() >>> 16);
        assertEquals(String.format("%012x", time.toEpochMilli()), id.toString().replace("-", "").substring(0, 12));
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnesAsTextAndAsUuids() {
        Instant time = Instant.parse("2026-12-03T07:15:30.123Z");
        for (int i = 0; i < 1000; i++) {
            UUID earlier = TimeOrderedIds.at(time);
            UUID later = TimeOrderedIds.at(time.plusMillis(1));
            assertTrue(earlier.toString().compareTo(later.toString()) < 0);
            assertTrue(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits()) < 0);
            assertTrue(earlier.compareTo(later) < 0, "UUID.compareTo is signed, and the time's top bit is 0 until 6429");
        }
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        Instant time = Instant.now();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(time));
        }
        assertEquals(100_000, ids.size());
    }
}
