package dev.automations.webhook.control;

import dev.automations.automation.control.AutomationLookup;
import dev.automations.automation.control.AutomationView;
import dev.automations.event.control.EventLog;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A webhook delivery, step by step as §6 orders it, in one transaction: the trigger and automation reads and the
 * event's insert take one pooled connection, where each read used to take one of its own (three per delivery, each
 * validated on PostgreSQL). A repeated delivery id fails the insert and rolls it all back ({@link EventLog.DuplicateDelivery}).
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
    @Transactional(Transactional.TxType.REQUIRED)
    public Outcome receive(Optional<UUID> triggerId, Map<String, String> headers, String contentType, ReceivedBody body, long maxBodyBytes) {
        Optional<WebhookTrigger> found = triggerId.flatMap(triggers::webhook);
        Optional<AutomationView> owner = found.flatMap(t -> automations.find(t.rules().automationId()));
        if (owner.isEmpty() || owner.get().disabled()) {
            return Outcome.ignored();
        }
        WebhookTrigger trigger = found.get();
        TriggerRules rules = trigger.rules();
        AutomationView automation = owner.get();
        Instant now = Clock.now();
        if (body.exceeds(maxBodyBytes)) {
            log.recordFailure(automation.id(), rules.id(), now, Payload.truncated(body.size()), TOO_LARGE, null);
            return new Outcome("too_large", null);
        }
        Verification verification = trigger.scheme().verify(trigger.secrets(now), body.bytes(), headers, now);
        Payload payload = Payload.of(body.bytes(), contentType);
        if (!verification.valid()) {
            log.recordFailure(automation.id(), rules.id(), now, payload.stored(), SIGNATURE_FAILED, verification.reason());
            return new Outcome("signature_invalid", null);
        }
        Verified verified = new Verified(DeliveryIds.from(headers).orElse(null), payload.stored(), payload.isRaw(),
                verification.secretIndex() == 0 ? "current" : "previous");
        Recorded event = log.recordDelivery(automation, rules, payload.json(), headers, verified, now);
        return new Outcome(event.filterMatched() ? "accepted" : "filtered", event.id());
    }
}
