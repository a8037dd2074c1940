package dev.automations.webhook.control;

import dev.automations.automation.control.AutomationLookup;
import dev.automations.automation.control.AutomationView;
import dev.automations.event.control.EventLog;
import dev.automations.event.control.EventLog.Entry;
import dev.automations.event.control.EventLog.Recorded;
import dev.automations.event.control.Verified;
import dev.automations.platform.control.Clock;
import dev.automations.signature.DeliveryIds;
import dev.automations.signature.Verification;
import dev.automations.trigger.control.TriggerLookup;
import dev.automations.trigger.control.TriggerRules;
import dev.automations.trigger.control.WebhookTrigger;
import dev.automations.webhook.control.WebhookIntake.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook deliveries, each step by step as §6 orders it, a group in one transaction ({@link WebhookIntake} groups them):
 * one pooled connection, one read of each trigger and automation the group names, one JDBC batch of events and one
 * commit, where each delivery used to take a transaction of its own. A repeated delivery id fails the group's insert
 * and rolls it all back ({@link EventLog.DuplicateDelivery}).
 */
@ApplicationScoped
public class WebhookReception {

    static final String TOO_LARGE = "payload too large";
    static final String SIGNATURE_FAILED = "signature verification failed";

    @Inject
    TriggerLookup triggers;

    @Inject
    AutomationLookup automations;

    @Inject
    EventLog log;

    /** @param triggerId empty for a malformed id, which names no trigger: ignored like an unknown one (§6 step 1) */
    public record Delivery(Optional<UUID> triggerId, Map<String, String> headers, String contentType, ReceivedBody body) {
    }

    /** A delivery's outcome, and the event it records (none for one ignored). */
    private record Judged(Entry entry, Outcome outcome) {
    }

    /** @return each delivery's outcome, in order, once all their events are committed */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Outcome> receive(List<Delivery> deliveries, long maxBodyBytes) {
        Map<UUID, Optional<WebhookTrigger>> triggersRead = new HashMap<>();
        Map<UUID, Optional<AutomationView>> automationsRead = new HashMap<>();
        List<Judged> judged = deliveries.stream().map(d -> {
            Optional<WebhookTrigger> found = d.triggerId().flatMap(id -> triggersRead.computeIfAbsent(id, triggers::webhook));
            Optional<AutomationView> owner = found.flatMap(t -> automationsRead.computeIfAbsent(t.rules().automationId(),
                    automations::find));
            return owner.isEmpty() || owner.get().disabled() ? new Judged(null, Outcome.ignored())
                    : judge(d, found.get(), owner.get(), maxBodyBytes);
        }).toList();
        log.record(judged.stream().map(Judged::entry).filter(Objects::nonNull).toList());
        return judged.stream().map(Judged::outcome).toList();
    }

    private Judged judge(Delivery delivery, WebhookTrigger trigger, AutomationView automation, long maxBodyBytes) {
        TriggerRules rules = trigger.rules();
        ReceivedBody body = delivery.body();
        Instant now = Clock.now();
        if (body.exceeds(maxBodyBytes)) {
            return new Judged(log.failure(automation.id(), rules.id(), now, Payload.truncated(body.size()), TOO_LARGE, null),
                    new Outcome("too_large", null));
        }
        Verification verification = trigger.scheme().verify(trigger.secrets(now), body.bytes(), delivery.headers(), now);
        Payload payload = Payload.of(body.bytes(), delivery.contentType());
        if (!verification.valid()) {
            return new Judged(log.failure(automation.id(), rules.id(), now, payload.stored(), SIGNATURE_FAILED,
                    verification.reason()), new Outcome("signature_invalid", null));
        }
        Verified verified = new Verified(DeliveryIds.from(delivery.headers()).orElse(null), payload.stored(), payload.isRaw(),
                verification.secretIndex() == 0 ? "current" : "previous");
        Entry event = log.delivery(automation, rules, payload.json(), delivery.headers(), verified, now);
        Recorded recorded = event.recorded();
        return new Judged(event, new Outcome(recorded.filterMatched() ? "accepted" : "filtered", recorded.id()));
    }
}
