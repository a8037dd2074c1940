package dev.automations.cron.control;

import dev.automations.automation.entity.Automation;
import dev.automations.chat.control.ChatBridge;
import dev.automations.event.control.EventLog;
import dev.automations.event.control.Judgement;
import dev.automations.event.entity.AutomationEvent;
import dev.automations.event.entity.AutomationEvent.Verified;
import dev.automations.trigger.entity.AutomationTrigger;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims due cron triggers and records their firings (§10). The claim is a conditional update on the stored
 * next-fire time, so of all instances that saw a trigger due exactly one advances it; the event is written in
 * the same transaction, under the unique {@code cron:<occurrence>} delivery id as a second guard.
 */
@Stateless
public class CronClaims {

    @PersistenceContext
    EntityManager em;

    @Inject
    EventLog log;

    @Inject
    ChatBridge bridge;


    /** A trigger the tick found due: its id and the next-fire time it had then. */
    public record Due(UUID triggerId, Instant nextFireAt) {
    }

    /**
     * One batch, one new container transaction: when this returns, the claims and events are committed together.
     * EJB demarcation, not CDI {@code @Transactional}, which under the EJB timer was not a real transaction on Payara.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Instant> claim(List<Due> due, Instant now) {
        List<Instant> fired = new ArrayList<>();
        for (Due d : due) {
            claim(d, now).ifPresent(fired::add);
        }
        return fired;
    }

    private Optional<Instant> claim(Due due, Instant now) {
        AutomationTrigger trigger = em.find(AutomationTrigger.class, due.triggerId());
        if (trigger == null || trigger.cronSchedule() == null) {
            return Optional.empty();
        }
        CronSchedule schedule = CronSchedule.parse(trigger.cronSchedule());
        // Occurrences missed while no instance ran collapse into the latest one (§10).
        Instant occurrence = due.nextFireAt();
        for (Instant n = schedule.nextAfter(occurrence).orElse(null); n != null && !n.isAfter(now); n = schedule.nextAfter(n).orElse(null)) {
            occurrence = n;
        }
        Instant next = schedule.nextAfter(now).orElse(null);
        int claimed = em.createQuery("UPDATE AutomationTrigger t SET t.nextFireAt = :next, t.lastTriggeredAt = :now "
                        + "WHERE t.id = :id AND t.nextFireAt = :expected")
                .setParameter("next", next).setParameter("now", now).setParameter("id", trigger.id())
                .setParameter("expected", due.nextFireAt()).executeUpdate();
        Automation automation = em.find(Automation.class, trigger.automationId());
        if (claimed == 0 || automation == null || Automation.DISABLED.equals(automation.status())) {
            return Optional.empty();
        }
        String deliveryId = "cron:" + occurrence;
        if (log.idOfDelivery(trigger.id(), deliveryId).isPresent()) {
            return Optional.empty();
        }
        JsonObject envelope = Json.createObjectBuilder().add("trigger", "cron").add("schedule", trigger.cronSchedule())
                .add("scheduled_at", occurrence.toString()).add("fired_at", now.toString()).build();
        AutomationEvent event = Judgement.matched(automation, trigger, envelope, Map.of(),
                new Verified(deliveryId, envelope.toString(), false, null), now, bridge);
        log.append(event);
        return Optional.of(occurrence);
    }
}
