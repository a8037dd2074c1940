package dev.automations.event.control;

import dev.automations.automation.control.AutomationView;
import dev.automations.chat.control.ChatBridge;
import dev.automations.event.entity.AutomationEvent;
import dev.automations.event.entity.EventPayload;
import dev.automations.event.entity.EventStatus;
import dev.automations.platform.control.DatabaseFailure;
import dev.automations.trigger.control.TriggerRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Hop 1 of firing: records events in the caller's transaction (a delivery group's, a cron claim's, a replay's); once
 * that commits, a delivery may be acknowledged (§6 step 8). Pending events are announced as {@link EventRecorded},
 * which observers see only once the transaction has committed.
 */
@ApplicationScoped
public class EventLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<EventRecorded> recorded;

    @Inject
    ChatBridge bridge;

    @Inject
    EventMetrics metrics;

    /** What was recorded, for the delivery's answer and outcome (§6, §14). */
    public record Recorded(UUID id, boolean filterMatched) {
        static Recorded of(AutomationEvent event) {
            return new Recorded(event.id(), event.filterMatched());
        }
    }

    /** A cron occurrence to record (§10): the envelope it fires with, under its {@code cron:<occurrence>} delivery id. */
    public record Scheduled(AutomationView automation, TriggerRules trigger, JsonObject envelope, String deliveryId) {
    }

    /** A delivery id a trigger has recorded. */
    public record Delivery(UUID triggerId, String deliveryId) {
    }

    /** An event built and not yet written: {@link #record} writes a delivery group's together. */
    public static final class Entry {

        private final EventPayload row;

        private Entry(EventPayload row) {
            this.row = row;
        }

        public Recorded recorded() {
            return Recorded.of(row.event());
        }
    }

    /**
     * A verified delivery, filtered and labelled by its trigger (§6 steps 6–8).
     *
     * @param payload the whole parsed body (even when only a stub is stored), or null for a body that is not JSON
     */
    public Entry delivery(AutomationView automation, TriggerRules trigger, JsonValue payload, Map<String, String> headers,
                          Verified verified, Instant now) {
        return new Entry(new EventPayload(Judgement.judge(automation, trigger, payload, headers, verified, now, bridge),
                verified.payload()));
    }

    /** A delivery that failed before its payload could be judged: too large, or not signed by the trigger's secret. */
    public Entry failure(UUID automationId, UUID triggerId, Instant now, String payload, String error, String reason) {
        return new Entry(new EventPayload(AutomationEvent.failed(automationId, triggerId, now, error, reason), payload));
    }

    /**
     * Deliveries' events, with one flush: a group's inserts go as one JDBC batch. They commit with the caller's
     * transaction. Throws {@link DuplicateDelivery} when a trigger already recorded one of these delivery ids, or two of
     * them share one: the database's unique key decides, across instances, and the caller's transaction is lost.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(List<Entry> entries) {
        appendAll(entries.stream().map(e -> e.row).toList());
    }

    /**
     * Cron occurrences, in the claim's transaction so claims and events commit together; no filter applies (§10).
     * One flush sends a batch's inserts as one JDBC batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordScheduled(List<Scheduled> occurrences, Instant now) {
        appendAll(occurrences.stream().map(o -> {
            Verified verified = new Verified(o.deliveryId(), o.envelope().toString(), false, null);
            return new EventPayload(Judgement.scheduled(o.automation(), o.trigger(), o.envelope(), verified, now, bridge),
                    verified.payload());
        }).toList());
    }

    /** A replay, in the replaying request's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void append(EventPayload received) {
        appendAll(List.of(received));
    }

    /** The pending events are announced an automation at a time, so each automation's are fired together. */
    private void appendAll(List<EventPayload> received) {
        try {
            List<AutomationEvent> events = received.stream().map(EventPayload::event).toList();
            events.forEach(em::persist);
            received.forEach(em::persist);
            em.flush();
            metrics.counted(events.stream().map(AutomationEvent::status).toList());
            events.stream().filter(e -> e.status() == EventStatus.PENDING)
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

    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<UUID> idOfDelivery(UUID trigger, String deliveryId) {
        return em.createNamedQuery(AutomationEvent.BY_DELIVERY, UUID.class).setParameter("trigger", trigger)
                .setParameter("delivery", deliveryId).getResultStream().findFirst();
    }

    /** Which of these delivery ids these triggers already recorded: one lookup on the unique key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Delivery> recordedDeliveries(Collection<UUID> triggers, Collection<String> deliveryIds) {
        return em.createQuery("SELECT e.triggerId, e.deliveryId FROM AutomationEvent e WHERE e.triggerId IN :triggers "
                        + "AND e.deliveryId IN :deliveries", Object[].class)
                .setParameter("triggers", triggers).setParameter("deliveries", deliveryIds)
                .getResultStream().map(row -> new Delivery((UUID) row[0], (String) row[1])).collect(Collectors.toSet());
    }

    /** The delivery id was recorded before; nothing new was written. */
    public static class DuplicateDelivery extends RuntimeException {
        DuplicateDelivery() {
            super(null, null, false, false);
        }
    }
}
