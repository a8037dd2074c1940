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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A webhook delivery, step by step as §6 orders it. No transaction of its own: each record the event log makes
 * commits before it returns, so a delivery is acknowledged only once its event is committed; a database failure
 * propagates, so the sender is told to retry (503) instead of being acknowledged.
 */
@ApplicationScoped
public class WebhookIntake {

    static final String TOO_LARGE = "payload too large";
    static final String SIGNATURE_FAILED = "signature verification failed";

    @Inject
    TriggerLookup triggers;

    @Inject
    AutomationLookup automations;

    @Inject
    EventLog log;

    @Inject
    @ConfigProperty(name = "automations.webhook.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    /** The outcome label of §14 and, for a verified delivery, the event to name in {@code X-Automation-Event-Id}. */
    public record Outcome(String outcome, UUID eventId) {
        static Outcome ignored() {
            return new Outcome("ignored", null);
        }
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** @param triggerId empty for a malformed id, which names no trigger: ignored like an unknown one (§6 step 1) */
    public Outcome receive(Optional<UUID> triggerId, Map<String, String> headers, String contentType, ReceivedBody body) {
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
        Optional<String> deliveryId = DeliveryIds.from(headers);
        Verified verified = new Verified(deliveryId.orElse(null), payload.stored(), payload.isRaw(),
                verification.secretIndex() == 0 ? "current" : "previous");
        Recorded event;
        try {
            event = log.recordDelivery(automation, rules, payload.json(), headers, verified, now);
        } catch (EventLog.DuplicateDelivery repeated) {
            // The unique key finds a repeat, not a lookup before every insert: repeats are rare, and the key is exact across instances.
            return new Outcome("duplicate", log.idOfDelivery(rules.id(), deliveryId.orElseThrow()).orElseThrow());
        }
        return new Outcome(event.filterMatched() ? "accepted" : "filtered", event.id());
    }
}
