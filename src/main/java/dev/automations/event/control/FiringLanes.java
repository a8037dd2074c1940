package dev.automations.event.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

    private final Map<UUID, ArrayDeque<UUID>> lanes = new ConcurrentHashMap<>();

    /** @return whether the caller must start a task draining the automation's lane (nobody drains it yet) */
    boolean add(UUID automation, List<UUID> events) {
        boolean[] opened = {false};
        lanes.compute(automation, (key, lane) -> {
            if (lane == null) {
                lane = new ArrayDeque<>();
                opened[0] = true;
            }
            lane.addAll(events);
            return lane;
        });
        return opened[0];
    }

    /** The next group to fire; empty once the lane is drained, which closes it, so the next {@link #add} opens it again. */
    List<UUID> take(UUID automation) {
        List<UUID> group = new ArrayList<>();
        lanes.computeIfPresent(automation, (key, lane) -> {
            while (group.size() < GROUP && !lane.isEmpty()) {
                group.add(lane.poll());
            }
            return group.isEmpty() ? null : lane;
        });
        return group;
    }

    /** The draining task could not run or stopped unexpectedly: the lane's events are left to the recovery sweep. */
    void abandon(UUID automation) {
        lanes.remove(automation);
    }
}
