package dev.automations.cron.control;

import dev.automations.platform.entity.JsonText;
import dev.automations.automation.entity.Automation;
import dev.automations.chat.control.ChatBridge;
import dev.automations.event.control.EventLog;
import dev.automations.event.control.Judgement;
import dev.automations.event.entity.AutomationEvent;
import dev.automations.event.entity.AutomationEvent.Verified;
import dev.automations.trigger.entity.AutomationTrigger;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Claims due cron triggers and records their firings (§10), a batch at a time in a handful of statements.
 * The claim locks the triggers that are still due by the stored next-fire time, skipping rows another instance
 * holds, then advances them; so of all instances that saw a trigger due exactly one fires it. The events are
 * written in the same transaction, under the unique {@code cron:<occurrence>} delivery id as a second guard.
 */
@Stateless
public class CronClaims {

    @PersistenceContext
    EntityManager em;

    @Inject
    EventLog log;

    @Inject
    ChatBridge bridge;

    /**
     * One batch, one new container transaction: when this returns, the claims and events are committed together.
     * EJB demarcation, not CDI {@code @Transactional}, which under the EJB timer was not a real transaction on Payara.
     *
     * @return the occurrences fired
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Instant> claim(List<UUID> triggerIds, Instant now) {
        List<AutomationTrigger> triggers = lockDue(triggerIds, now);
        if (triggers.isEmpty()) {
            return List.of();
        }
        Map<UUID, Automation> automations = automationsOf(triggers);
        List<Claimed> claimed = new ArrayList<>(triggers.size());
        for (AutomationTrigger trigger : triggers) {
            CronSchedule schedule = CronSchedule.parse(trigger.cronSchedule());
            claimed.add(new Claimed(trigger, latestOccurrence(schedule, trigger.nextFireAt(), now)));
            trigger.fired(schedule.nextAfter(now).orElse(null), now);
        }
        Set<String> recorded = recordedDeliveries(claimed);
        List<AutomationEvent> events = new ArrayList<>();
        List<Instant> fired = new ArrayList<>();
        for (Claimed c : claimed) {
            Automation automation = automations.get(c.trigger().automationId());
            if (automation == null || Automation.DISABLED.equals(automation.status()) || recorded.contains(c.key())) {
                continue;
            }
            JsonObject envelope = JsonText.JSON.createObjectBuilder().add("trigger", "cron").add("schedule", c.trigger().cronSchedule())
                    .add("scheduled_at", c.occurrence().toString()).add("fired_at", now.toString()).build();
            events.add(Judgement.matched(automation, c.trigger(), envelope, Map.of(),
                    new Verified(c.deliveryId(), envelope.toString(), false, null), now, bridge));
            fired.add(c.occurrence());
        }
        log.appendAll(events);
        return fired;
    }

    /** Occurrences missed while no instance ran collapse into the latest one (§10). */
    static Instant latestOccurrence(CronSchedule schedule, Instant due, Instant now) {
        Instant occurrence = due;
        for (Instant n = schedule.nextAfter(due).orElse(null); n != null && !n.isAfter(now); n = schedule.nextAfter(n).orElse(null)) {
            occurrence = n;
        }
        return occurrence;
    }

    /**
     * Locks in id order and skips what another instance holds (both on H2 2.2 and PostgreSQL), so instances ticking
     * together never wait on each other; a trigger another instance advanced meanwhile is no longer due.
     */
    private List<AutomationTrigger> lockDue(List<UUID> ids, Instant now) {
        String params = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Query query = em.createNativeQuery("SELECT * FROM automation_triggers WHERE id IN (" + params + ") AND next_fire_at <= ? "
                + "ORDER BY id FOR UPDATE SKIP LOCKED", AutomationTrigger.class);
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        query.setParameter(ids.size() + 1, now.atOffset(ZoneOffset.UTC));
        @SuppressWarnings("unchecked")
        List<AutomationTrigger> locked = query.getResultList();
        return locked;
    }

    private Map<UUID, Automation> automationsOf(List<AutomationTrigger> triggers) {
        Set<UUID> ids = triggers.stream().map(AutomationTrigger::automationId).collect(Collectors.toSet());
        return em.createQuery("SELECT a FROM Automation a WHERE a.id IN :ids", Automation.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Automation::id, Function.identity()));
    }

    /** The claims whose delivery id their trigger already recorded, by {@link Claimed#key()}: one lookup on the unique key. */
    private Set<String> recordedDeliveries(List<Claimed> claimed) {
        Set<UUID> triggers = claimed.stream().map(c -> c.trigger().id()).collect(Collectors.toSet());
        Set<String> deliveries = claimed.stream().map(Claimed::deliveryId).collect(Collectors.toSet());
        return em.createQuery("SELECT e.triggerId, e.deliveryId FROM AutomationEvent e WHERE e.triggerId IN :triggers "
                        + "AND e.deliveryId IN :deliveries", Object[].class)
                .setParameter("triggers", triggers).setParameter("deliveries", deliveries)
                .getResultStream().map(row -> row[0] + " " + row[1]).collect(Collectors.toSet());
    }

    private record Claimed(AutomationTrigger trigger, Instant occurrence) {

        String deliveryId() {
            return "cron:" + occurrence;
        }

        String key() {
            return trigger.id() + " " + deliveryId();
        }
    }
}
