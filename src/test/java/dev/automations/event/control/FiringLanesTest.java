package dev.automations.event.control;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static dev.automations.event.control.Firing.Saturation.OPEN;
import static dev.automations.event.control.Firing.Saturation.SATURATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiringLanesTest {

    private final FiringLanes lanes = new FiringLanes();
    private final UUID automation = UUID.randomUUID();

    @Test
    void onlyTheFirstAdditionToAnIdleLaneAsksForADrainingTask() {
        assertTrue(lanes.add(automation, ids(1)));
        assertFalse(lanes.add(automation, ids(2)));
        assertTrue(lanes.add(UUID.randomUUID(), ids(1)), "another automation has its own lane");
    }

    @Test
    void takesInOrderInGroupsThenClosesTheLaneWhenDrained() {
        List<UUID> events = ids(FiringLanes.GROUP + 5);
        lanes.add(automation, events);
        assertEquals(events.subList(0, FiringLanes.GROUP), lanes.take(automation, OPEN));
        assertEquals(events.subList(FiringLanes.GROUP, events.size()), lanes.take(automation, OPEN));
        assertEquals(List.of(), lanes.take(automation, OPEN));
        assertTrue(lanes.add(automation, ids(1)), "a drained lane is closed, so the next event needs a new task");
    }

    @Test
    void aSaturatedAutomationHandsOverLargerGroups() {
        List<UUID> events = ids(FiringLanes.GROUP + FiringLanes.SATURATED_GROUP + 5);
        lanes.add(automation, events);
        assertEquals(events.subList(0, FiringLanes.GROUP), lanes.take(automation, OPEN));
        assertEquals(events.subList(FiringLanes.GROUP, FiringLanes.GROUP + FiringLanes.SATURATED_GROUP),
                lanes.take(automation, SATURATED));
        assertEquals(events.subList(FiringLanes.GROUP + FiringLanes.SATURATED_GROUP, events.size()), lanes.take(automation, OPEN));
    }

    @Test
    void holdsWhatWaitsInTheLaneNotWhatWasTaken() {
        List<UUID> events = ids(FiringLanes.GROUP + 3);
        lanes.add(automation, events);
        lanes.take(automation, OPEN);
        assertEquals(Set.copyOf(events.subList(FiringLanes.GROUP, events.size())), lanes.held(automation));
        assertEquals(Set.of(), lanes.held(UUID.randomUUID()));
    }

    @Test
    void aLaneWhoseTaskTookNothingForTooLongHoldsNothing() {
        AtomicLong now = new AtomicLong();
        FiringLanes clocked = new FiringLanes(now::get);
        List<UUID> events = ids(FiringLanes.GROUP * 3);
        clocked.add(automation, events);
        now.addAndGet(FiringLanes.STUCK.toNanos() - 1);
        assertEquals(Set.copyOf(events), clocked.held(automation), "opened just now: its task is yet to run");
        clocked.take(automation, OPEN);
        now.addAndGet(FiringLanes.STUCK.toNanos() - 1);
        assertEquals(FiringLanes.GROUP * 2, clocked.held(automation).size(), "its task took a group just now");
        now.incrementAndGet();
        assertEquals(Set.of(), clocked.held(automation), "its task is presumed dead: the sweep fires the events");
    }

    @Test
    void anAbandonedLaneIsOpenedAgainByTheNextEvent() {
        lanes.add(automation, ids(3));
        lanes.abandon(automation);
        assertEquals(List.of(), lanes.take(automation, OPEN));
        assertTrue(lanes.add(automation, ids(1)));
    }

    /** Adders racing drainers: one drains a lane at a time, every event is taken exactly once, and no lane is left open. */
    @Test
    void concurrentAddsAreEachTakenOnceByOneDrainerAtATime() throws Exception {
        int adders = 8;
        int perAdder = 2_000;
        Set<UUID> taken = new HashSet<>();
        AtomicInteger drainers = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(adders + 1);
        List<Future<?>> added = new ArrayList<>();
        List<UUID> sent = new ArrayList<>();
        for (int a = 0; a < adders; a++) {
            List<UUID> mine = ids(perAdder);
            sent.addAll(mine);
            added.add(pool.submit(() -> mine.forEach(id -> {
                if (lanes.add(automation, List.of(id))) {
                    // The task this add asked for: drains until the lane closes.
                    for (List<UUID> group = lanes.take(automation, OPEN); !group.isEmpty(); group = lanes.take(automation, OPEN)) {
                        assertEquals(1, drainers.incrementAndGet(), "two tasks fired one automation's events at once");
                        synchronized (taken) {
                            group.forEach(e -> assertTrue(taken.add(e), "taken twice: " + e));
                        }
                        drainers.decrementAndGet();
                    }
                }
            })));
        }
        for (Future<?> f : added) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(new HashSet<>(sent), taken);
        assertTrue(lanes.add(automation, ids(1)), "the lane was closed once drained");
    }

    private static List<UUID> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
    }
}
