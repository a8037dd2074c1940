package dev.automations.event.control;

import dev.automations.event.entity.AutomationEvent;
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
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The second way into hop 3 of firing: events left pending for more than 30 s, i.e. whose hand-off was lost to a
 * crash or a failure (§9). {@link Firing} claims each event under its automation's row lock, so instances sweeping
 * together still fire it once.
 */
@Stateless
public class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
    static final Duration STALE = Duration.ofSeconds(30);
    private static final int BATCH = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Firing firing;

    /**
     * No transaction of its own: each event's firing is one, so a failing event does not roll back the others. Sweeps
     * batch after batch until the stale events are gone: one batch per period drained 200 events per 15 s, so after a
     * crash under load events stayed pending for minutes (issue #11, finding 5). It stops early when a whole batch
     * failed, so an event that cannot be fired is retried by the next sweep rather than in a loop.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        List<Object[]> stale;
        do {
            stale = stalePending();
            if (fireEach(stale) == 0) {
                return;
            }
        } while (stale.size() == BATCH);
    }

    private List<Object[]> stalePending() {
        try {
            return em.createNamedQuery(AutomationEvent.STALE_PENDING, Object[].class)
                    .setParameter("before", Instant.now().minus(STALE)).setMaxResults(BATCH).getResultList();
        } catch (RuntimeException e) {
            throw Unavailable.wrap(e);
        }
    }

    /** One at a time: an event that fails to fire no longer holds back the others it was handed off with. */
    private int fireEach(List<Object[]> stale) {
        int handled = 0;
        for (Object[] row : stale) {
            UUID event = (UUID) row[1];
            try {
                firing.fire((UUID) row[0], List.of(event));
                handled++;
            } catch (RuntimeException e) {
                TimerFailures.log(LOG, "Recovery of event " + event + " failed; the next sweep retries", e);
            }
        }
        return handled;
    }
}
