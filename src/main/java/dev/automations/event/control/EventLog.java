package dev.automations.event.control;

import dev.automations.event.entity.AutomationEvent;
import dev.automations.platform.control.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Appends events, each in its own transaction: when {@link #append} returns, the event is committed,
 * which is what lets a delivery be acknowledged (§6 step 8). A pending event is announced as
 * {@link EventRecorded}, which observers see only once the transaction has committed.
 */
@ApplicationScoped
public class EventLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<EventRecorded> recorded;

    /**
     * Joins the caller's transaction, or commits its own before returning when there is none (a webhook delivery).
     * Throws {@link DuplicateDelivery} when the trigger already recorded this delivery id: the database's unique
     * key decides, across instances.
     */
    @Transactional
    public void append(AutomationEvent event) {
        appendAll(List.of(event));
    }

    /**
     * Several events in one flush, so a cron batch's inserts go to the database as one JDBC batch; the pending ones
     * are announced an automation at a time, so each automation's are fired together.
     */
    @Transactional
    public void appendAll(List<AutomationEvent> events) {
        try {
            events.forEach(em::persist);
            em.flush();
            events.stream().filter(e -> AutomationEvent.PENDING.equals(e.status()))
                    .collect(Collectors.groupingBy(AutomationEvent::automationId, LinkedHashMap::new,
                            Collectors.mapping(AutomationEvent::id, Collectors.toList())))
                    .forEach((automation, ids) -> recorded.fire(new EventRecorded(automation, ids)));
        } catch (PersistenceException e) {
            if (DatabaseFailure.isUniqueViolation(e)) {
                throw new DuplicateDelivery();
            }
            throw e;
        }
    }

    @Transactional
    public Optional<UUID> idOfDelivery(UUID trigger, String deliveryId) {
        return em.createNamedQuery(AutomationEvent.BY_DELIVERY, UUID.class).setParameter("trigger", trigger)
                .setParameter("delivery", deliveryId).getResultStream().findFirst();
    }

    /** The delivery id was recorded before; nothing new was written. */
    public static class DuplicateDelivery extends RuntimeException {
        DuplicateDelivery() {
            super(null, null, false, false);
        }
    }
}
