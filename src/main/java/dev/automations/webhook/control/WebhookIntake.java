package dev.automations.webhook.control;

import dev.automations.event.control.EventLog;
import dev.automations.platform.control.DatabaseFailure;
import dev.automations.platform.control.GroupCommit;
import dev.automations.platform.control.GroupCommit.Item;
import dev.automations.signature.DeliveryIds;
import dev.automations.webhook.control.WebhookReception.Delivery;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A webhook delivery (§6), acknowledged only once its event is committed. Deliveries that arrive while others are being
 * written are written together, as one group in one transaction ({@link GroupCommit}, {@link WebhookReception}): each
 * request still returns after its own event's commit. A database failure propagates to every delivery of the group, so
 * each sender is told to retry (503) instead of being acknowledged.
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

    @Inject
    @ConfigProperty(name = "automations.webhook.group-size", defaultValue = "32")
    int groupSize;

    /**
     * Groups written at once, each holding a pooled connection. One wrote the most deliveries a second on two cores, on H2
     * and on PostgreSQL (docs/decisions.md, "Throughput"): more writers make smaller groups.
     */
    @Inject
    @ConfigProperty(name = "automations.webhook.group-writers", defaultValue = "1")
    int groupWriters;

    private GroupCommit<Delivery, Outcome> groups;

    /** The outcome label of §14 and, for a verified delivery, the event to name in {@code X-Automation-Event-Id}. */
    public record Outcome(String outcome, UUID eventId) {
        static Outcome ignored() {
            return new Outcome("ignored", null);
        }
    }

    @PostConstruct
    void start() {
        groups = new GroupCommit<>(Math.max(1, groupWriters), Math.max(1, groupSize), this::write);
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** @param triggerId empty for a malformed id, which names no trigger: ignored like an unknown one (§6 step 1) */
    public Outcome receive(Optional<UUID> triggerId, Map<String, String> headers, String contentType, ReceivedBody body) {
        return groups.submit(new Delivery(triggerId, headers, contentType, body));
    }

    private void write(List<Item<Delivery, Outcome>> group) {
        if (group.size() > 1) {
            try {
                List<Outcome> outcomes = reception.receive(group.stream().map(Item::input).toList(), maxBodyBytes);
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).complete(outcomes.get(i));
                }
                return;
            } catch (RuntimeException e) {
                if (DatabaseFailure.isDatabaseFailure(e)) {
                    throw e;
                }
                // A delivery id recorded before, or twice in this group, rolled the group back: each is written again on
                // its own, so only the repeat is answered as one.
            }
        }
        for (Item<Delivery, Outcome> item : group) {
            try {
                item.complete(alone(item.input()));
            } catch (RuntimeException e) {
                item.fail(e);
            }
        }
    }

    private Outcome alone(Delivery delivery) {
        try {
            return reception.receive(List.of(delivery), maxBodyBytes).get(0);
        } catch (EventLog.DuplicateDelivery repeated) {
            // The unique key finds a repeat, not a lookup before every insert: repeats are rare, and the key is exact across
            // instances. The lookup is a transaction of its own.
            UUID trigger = delivery.triggerId().orElseThrow();
            return new Outcome("duplicate", log.idOfDelivery(trigger, DeliveryIds.from(delivery.headers()).orElseThrow())
                    .orElseThrow());
        }
    }
}
