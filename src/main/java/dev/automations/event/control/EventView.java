package dev.automations.event.control;

import dev.automations.event.entity.AutomationEvent;
import dev.automations.platform.control.StoredJson;
import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.UUID;

/** The AutomationEvent JSON of §11. */
public record EventView(UUID id, UUID automationId, UUID triggerId, String deliveryId, Instant receivedAt, StoredJson payload,
                        boolean filterMatched, JsonValue resolvedLabels, UUID matchedChatId, UUID createdChatId,
                        String status, String error, String reason) {

    static EventView of(AutomationEvent e, String payload) {
        return new EventView(e.id(), e.automationId(), e.triggerId(), e.deliveryId(), e.receivedAt(), StoredJson.of(payload),
                e.filterMatched(), JsonText.read(e.resolvedLabels()), e.matchedChatId(), e.createdChatId(), e.status().wire(),
                e.error(), e.reason());
    }
}
