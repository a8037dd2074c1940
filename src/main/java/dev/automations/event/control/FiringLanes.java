package dev.automations.event.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * This instance's committed pending events waiting for their hand-off to firing, one lane per automation. A lane
 * exists while one firing task drains it, so an automation's events are fired by one transaction at a time on this
 * instance, in groups as large as the backlog (up to {@link #GROUP}), instead of one task per delivery queueing on the
 * automation's row lock with a database connection each. Only ids are held: an event lost from here by a crash is
 * still pending in the database, where the recovery sweep finds it.
 */
@ApplicationScoped
public class FiringLanes {

    /**
     * Events fired in one transaction. Enough to amortize the automation's lock and window counts, few enough that the
     * chats they touch stay locked briefly: groups of 200 held chats for seconds under load, so agent turns waiting
     * for them hit PostgreSQL's 5 s read timeout.
     */
    static final int GROUP = 25;

    /**
     * Events rate-limited in one statement once the automation's hourly messages are used up ({@link Firing.Saturation}):
     * no chat is touched then. Groups of 500 made H2 write chunks of about 10 MB from the firing thread.
     */
    static final int SATURATED_GROUP = 200;

    /** A lane whose task has taken nothing for this long is presumed stuck: the recovery sweep fires its events. */
    static final Duration STUCK = Recovery.STALE;

    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public FiringLanes() {
        this(System::nanoTime);
    }

    FiringLanes(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Ids in arrival order, and when its task last took a group (or the lane opened). */
    private static final class Lane {
        final ArrayDeque<UUID> events = new ArrayDeque<>();
        long progressed;

        Lane(long now) {
            progressed = now;
        }
    }

    /** @return whether the caller must start a task draining the automation's lane (nobody drains it yet) */
    boolean add(UUID automation, List<UUID> events) {
        boolean[] opened = {false};
        lanes.compute(automation, (key, lane) -> {
            if (lane == null) {
                lane = new Lane(nanoTime.getAsLong());
                opened[0] = true;
            }
            lane.events.addAll(events);
            return lane;
        });
        return opened[0];
    }

    /** The next group to fire; empty once the lane is drained, which closes it, so the next {@link #add} opens it again. */
    List<UUID> take(UUID automation, Firing.Saturation saturation) {
        int size = saturation == Firing.Saturation.SATURATED ? SATURATED_GROUP : GROUP;
        List<UUID> group = new ArrayList<>();
        lanes.computeIfPresent(automation, (key, lane) -> {
            while (group.size() < size && !lane.events.isEmpty()) {
                group.add(lane.events.poll());
            }
            lane.progressed = nanoTime.getAsLong();
            return group.isEmpty() ? null : lane;
        });
        return group;
    }

    /**
     * The events waiting in the automation's lane now: its draining task fires them, so the recovery sweep leaves them
     * alone instead of racing the task for the automation's lock while a long backlog drains. None for a lane whose
     * task has taken nothing for {@link #STUCK}: a task that died without closing its lane must not hide its events.
     */
    Set<UUID> held(UUID automation) {
        Set<UUID> held = new HashSet<>();
        lanes.computeIfPresent(automation, (key, lane) -> {
            if (nanoTime.getAsLong() - lane.progressed < STUCK.toNanos()) {
                held.addAll(lane.events);
            }
            return lane;
        });
        return held;
    }

    /** The draining task could not run or stopped unexpectedly: the lane's events are left to the recovery sweep. */
    void abandon(UUID automation) {
        lanes.remove(automation);
    }
}
