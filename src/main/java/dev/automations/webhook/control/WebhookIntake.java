package dev.automations.webhook.control;

import dev.automations.automation.entity.Automation;
import dev.automations.chat.control.ChatBridge;
import dev.automations.event.control.EventLog;
import dev.automations.event.control.Judgement;
import dev.automations.event.entity.AutomationEvent;
import dev.automations.event.entity.AutomationEvent.Verified;
import dev.automations.platform.control.Clock;
import dev.automations.platform.control.Ids;
import dev.automations.trigger.control.SecretBox;
import dev.automations.trigger.control.UnreadableSecretException;
import dev.automations.trigger.entity.Sealed;
import dev.automations.trigger.entity.AutomationTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * A webhook delivery, step by step as §6 orders it. Every path that records something returns only after
 * the event is committed; a database failure propagates, so the sender is told to retry (503) instead of
 * being acknowledged.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class.getName());

    static final String TOO_LARGE = "payload too large";
    static final String SIGNATURE_FAILED = "signature verification failed";

    @PersistenceContext
    EntityManager em;

    @Inject
    EventLog log;

    @Inject
    SecretBox box;

    @Inject
    ChatBridge bridge;

    @Inject
    @ConfigProperty(name = "automations.webhook.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    /** The outcome label of §14 and, for a verified delivery, the event to name in {@code X-Automation-Event-Id}. */
    public record Outcome(String outcome, UUID eventId, String status) {
        static Outcome ignored() {
            return new Outcome("ignored", null, null);
        }
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public Outcome receive(String triggerId, Map<String, String> headers, String contentType, ReceivedBody body) {
        Optional<Object[]> found = Ids.parse(triggerId).flatMap(this::triggerWithAutomation);
        if (found.isEmpty()) {
            return Outcome.ignored();
        }
        AutomationTrigger trigger = (AutomationTrigger) found.get()[0];
        Automation automation = (Automation) found.get()[1];
        if (!trigger.isWebhook() || Automation.DISABLED.equals(automation.status())) {
            return Outcome.ignored();
        }
        Instant now = Clock.now();
        if (body.exceeds(maxBodyBytes)) {
            AutomationEvent event = AutomationEvent.failed(automation.id(), trigger.id(), now, Payload.truncated(body.size()), TOO_LARGE, null);
            log.append(event);
            return new Outcome("too_large", null, event.status());
        }
        Verification verification = SignatureScheme.fromWireName(trigger.signatureScheme()).orElseThrow()
                .verify(secrets(trigger, now), body.bytes(), headers, now);
        Payload payload = Payload.of(body.bytes(), contentType);
        if (!verification.valid()) {
            AutomationEvent event = AutomationEvent.failed(automation.id(), trigger.id(), now, payload.stored(), SIGNATURE_FAILED, verification.reason());
            log.append(event);
            return new Outcome("signature_invalid", null, event.status());
        }
        Optional<String> deliveryId = DeliveryIds.from(headers);
        Optional<UUID> earlier = deliveryId.flatMap(id -> log.idOfDelivery(trigger.id(), id));
        if (earlier.isPresent()) {
            return new Outcome("duplicate", earlier.get(), null);
        }
        Verified verified = new Verified(deliveryId.orElse(null), payload.stored(), payload.isRaw(),
                verification.secretIndex() == 0 ? "current" : "previous");
        AutomationEvent event = Judgement.judge(automation, trigger, payload.json(), headers, verified, now, bridge);
        try {
            log.append(event);
        } catch (EventLog.DuplicateDelivery raced) {
            return new Outcome("duplicate", log.idOfDelivery(trigger.id(), deliveryId.orElseThrow()).orElseThrow(), null);
        }
        return new Outcome(event.filterMatched() ? "accepted" : "filtered", event.id(), event.status());
    }

    /**
     * The current secret first, then the previous one while its grace period lasts (§5). A secret under a key this
     * instance does not have is left out, so the delivery is recorded as failing verification instead of a 500.
     */
    private List<String> secrets(AutomationTrigger trigger, Instant now) {
        List<Sealed> sealed = new ArrayList<>(2);
        sealed.add(trigger.secret());
        if (trigger.previousSecret() != null && trigger.previousSecretExpiresAt() != null && now.isBefore(trigger.previousSecretExpiresAt())) {
            sealed.add(trigger.previousSecret());
        }
        List<String> secrets = new ArrayList<>(2);
        for (Sealed s : sealed) {
            try {
                secrets.add(box.open(s));
            } catch (UnreadableSecretException e) {
                LOG.severe(() -> "Cannot open a secret of trigger " + trigger.id() + ": " + e.getMessage());
            }
        }
        return secrets;
    }

    private Optional<Object[]> triggerWithAutomation(UUID id) {
        return em.createQuery("SELECT t, a FROM AutomationTrigger t, Automation a WHERE t.id = :id AND a.id = t.automationId", Object[].class)
                .setParameter("id", id).getResultStream().findFirst();
    }
}
