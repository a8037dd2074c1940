package dev.automations.cron.control;

import dev.automations.automation.control.AutomationLookup;
import dev.automations.automation.control.AutomationView;
import dev.automations.event.control.EventLog;
import dev.automations.event.control.EventLog.Delivery;
import dev.automations.event.control.EventLog.Scheduled;
import dev.automations.platform.entity.JsonText;
import dev.automations.trigger.control.CronTriggers;
import dev.automations.trigger.control.CronTriggers.Claimed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Claims due cron triggers and records their firings (§10), a batch at a time in a handful of statements: the
 * trigger feature claims (exactly one instance gets each due trigger), the event log records, both in this
 * transaction. The events' unique {@code cron:<occurrence>} delivery id is a second guard.
 */
@Stateless
public class CronClaims {

    @Inject
    CronTriggers triggers;

    @Inject
    AutomationLookup automations;

    @Inject
    EventLog log;

    /**
     * One batch, one new container transaction: when this returns, the claims and events are committed together.
     * EJB demarcation, not CDI {@code @Transactional}, which under the EJB timer was not a real transaction on Payara.
     *
     * @return the occurrences fired
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Instant> claim(List<UUID> triggerIds, Instant now) {
        List<Claimed> claimed = triggers.claim(triggerIds, now);
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<UUID, AutomationView> owners = automations.findAll(claimed.stream().map(c -> c.trigger().automationId()).collect(Collectors.toSet()));
        Set<Delivery> recorded = log.recordedDeliveries(claimed.stream().map(c -> c.trigger().id()).collect(Collectors.toSet()),
                claimed.stream().map(CronClaims::deliveryId).collect(Collectors.toSet()));
        List<Scheduled> occurrences = new ArrayList<>();
        List<Instant> fired = new ArrayList<>();
        for (Claimed c : claimed) {
            AutomationView automation = owners.get(c.trigger().automationId());
            if (automation == null || automation.disabled()
                    || recorded.contains(new Delivery(c.trigger().id(), deliveryId(c)))) {
                continue;
            }
            JsonObject envelope = JsonText.JSON.createObjectBuilder().add("trigger", "cron").add("schedule", c.schedule())
                    .add("scheduled_at", c.occurrence().toString()).add("fired_at", now.toString()).build();
            occurrences.add(new Scheduled(automation, c.trigger(), envelope, deliveryId(c)));
            fired.add(c.occurrence());
        }
        log.recordScheduled(occurrences, now);
        return fired;
    }

    private static String deliveryId(Claimed claimed) {
        return "cron:" + claimed.occurrence();
    }
}
