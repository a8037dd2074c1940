package dev.automations.event.control;

import dev.automations.event.entity.AutomationEvent;
import dev.automations.event.entity.EventStatus;
import dev.automations.platform.control.TimerFailures;
import dev.automations.platform.control.Unavailable;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The second way into hop 3 of firing: events left pending for more than 30 s, i.e. whose hand-off was lost to a
 * crash or a failure (§9). {@link Firing} claims each event under its automation's row lock, so instances sweeping
 * together still fire it once.
 */
@Stateless
public class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
    static final Duration STALE = Duration.ofSeconds(30);
    private static final int BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Firing firing;

    @Inject
    FiringLanes lanes;

    /**
     * No transaction of its own: each group's firing is one. Pages through all events stale when the sweep began, in
     * the order received: one batch per period drained 200 events per 15 s, so after a crash under load events stayed
     * pending for minutes (issue #11, finding 5). One automation's stale events are fired in groups, as their hand-off
     * would have fired them; a group that fails is retried one event at a time, so a failing event holds back no other.
     * Each page starts after the last row of the one before, so events that stay pending (failing, or held by a lane)
     * are passed over once per sweep, never read again in it, and never hide newer ones. Events still waiting in this
     * instance's lane are its draining task's (a backlog older than {@link #STALE} is not lost).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        Instant before = Instant.now().minus(STALE);
        Instant afterAt = Instant.EPOCH;
        UUID afterId = new UUID(0, 0);
        List<Object[]> page;
        do {
            page = stalePending(before, afterAt, afterId);
            if (!page.isEmpty()) {
                Object[] last = page.get(page.size() - 1);
                afterAt = (Instant) last[2];
                afterId = (UUID) last[1];
            }
            Map<UUID, Set<UUID>> inLanes = new HashMap<>();
            page.stream().filter(row -> !inLanes.computeIfAbsent((UUID) row[0], lanes::held).contains((UUID) row[1]))
                    .collect(Collectors.groupingBy(row -> (UUID) row[0], LinkedHashMap::new,
                            Collectors.mapping(row -> (UUID) row[1], Collectors.toList())))
                    .forEach((automation, events) -> {
                        for (int from = 0; from < events.size(); from += FiringLanes.GROUP) {
                            fire(automation, events.subList(from, Math.min(events.size(), from + FiringLanes.GROUP)));
                        }
                    });
        } while (page.size() == BATCH);
    }

    private List<Object[]> stalePending(Instant before, Instant afterAt, UUID afterId) {
        try {
            return em.createNamedQuery(AutomationEvent.STALE_PENDING, Object[].class).setParameter("pending", EventStatus.PENDING)
                    .setParameter("before", before).setParameter("afterAt", afterAt).setParameter("afterId", afterId)
                    .setMaxResults(BATCH).getResultList();
        } catch (RuntimeException e) {
            throw Unavailable.wrap(e);
        }
    }

    private void fire(UUID automation, List<UUID> group) {
        try {
            firing.fire(automation, group);
            return;
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                TimerFailures.log(LOG, "Recovery of event " + group.get(0) + " failed; the next sweep retries", e);
                return;
            }
        }
        group.forEach(event -> fire(automation, List.of(event)));
    }
}
