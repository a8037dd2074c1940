package dev.automations.event.control;

/**
 * What signature verification established about a delivery (or a cron firing, which needs none).
 *
 * @param payload      what is stored: the body, or a stub when it is not kept whole
 * @param verifiedWith {@code current} or {@code previous} secret; null for a cron firing
 */
public record Verified(String deliveryId, String payload, boolean rawPayload, String verifiedWith) {
}
