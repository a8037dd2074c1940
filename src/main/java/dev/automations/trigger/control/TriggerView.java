package dev.automations.trigger.control;

import dev.automations.platform.entity.JsonText;
import dev.automations.trigger.entity.AutomationTrigger;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The AutomationTrigger JSON of §5. {@code webhookSecret} is set only in the answers to create and regenerate;
 * {@code webhookUrl} is the resource's to set ({@link #withWebhookUrl}), since only it knows the service's address.
 */
public record TriggerView(UUID id, UUID automationId, String type, String webhookUrl, String webhookSecret,
                          String signatureScheme, Instant secretRotatedAt, Instant previousSecretExpiresAt,
                          String cronSchedule, List<Instant> nextRunTimes, Instant lastTriggeredAt,
                          JsonValue filter, JsonValue labelPaths, Instant createdAt, Instant updatedAt) {

    static TriggerView of(AutomationTrigger t, String secret, List<Instant> nextRunTimes) {
        return new TriggerView(t.id(), t.automationId(), t.type(), null, secret, t.signatureScheme(), t.secretRotatedAt(),
                t.previousSecretExpiresAt(), t.cronSchedule(), nextRunTimes, t.lastTriggeredAt(),
                JsonText.read(t.filter()), JsonText.read(t.labelPaths()), t.createdAt(), t.updatedAt());
    }

    /** This view with its webhook URL, for a webhook trigger; a cron trigger has none. */
    public TriggerView withWebhookUrl(Function<UUID, String> webhookUrl) {
        if (!AutomationTrigger.WEBHOOK.equals(type)) {
            return this;
        }
        return new TriggerView(id, automationId, type, webhookUrl.apply(id), webhookSecret, signatureScheme, secretRotatedAt,
                previousSecretExpiresAt, cronSchedule, nextRunTimes, lastTriggeredAt, filter, labelPaths, createdAt, updatedAt);
    }

    /** What the audit log compares; the secret is never among it. */
    static Map<String, Object> auditFields(AutomationTrigger t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", t.type());
        fields.put("signature_scheme", t.signatureScheme());
        fields.put("cron_schedule", t.cronSchedule());
        fields.put("filter", JsonText.read(t.filter()));
        fields.put("label_paths", JsonText.read(t.labelPaths()));
        return fields;
    }
}
