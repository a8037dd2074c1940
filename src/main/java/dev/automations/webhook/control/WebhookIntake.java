package dev.automations.webhook.control;

import dev.automations.event.control.EventLog;
import dev.automations.signature.DeliveryIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A webhook delivery (§6). Its reads and its event share one transaction ({@link WebhookReception}), committed before
 * this returns, so a delivery is acknowledged only once its event is committed; a database failure propagates, so the
 * sender is told to retry (503) instead of being acknowledged.
 */
@ApplicationScoped
public class WebhookIntake {

    @Inject
    WebhookReception reception;

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
        try {
            return reception.receive(triggerId, headers, contentType, body, maxBodyBytes);
        } catch (EventLog.DuplicateDelivery repeated) {
            // The unique key finds a repeat, not a lookup before every insert: repeats are rare, and the key is exact across
            // instances. The failed insert rolled the reception's transaction back; the lookup is a transaction of its own.
            return new Outcome("duplicate", log.idOfDelivery(triggerId.orElseThrow(), DeliveryIds.from(headers).orElseThrow())
                    .orElseThrow());
        }
    }
}
