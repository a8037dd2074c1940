package dev.automations.trigger.control;

import dev.automations.platform.entity.JsonText;
import dev.automations.trigger.entity.AutomationTrigger;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The AutomationTrigger JSON of §5. {@code webhookSecret} is set only in the answers to create and regenerate. */
public record TriggerView(UUID id, UUID automationId, String type, String webhookUrl, String webhookSecret,
                          String signatureScheme, Instant secretRotatedAt, Instant previousSecretExpiresAt,
                          String cronSchedule, List<Instant> nextRunTimes, Instant lastTriggeredAt,
                          JsonValue filter, JsonValue labelPaths, Instant createdAt, Instant updatedAt) {

    static TriggerView of(AutomationTrigger t, String baseUrl, String secret, List<Instant> nextRunTimes) {
        String url = t.isWebhook() ? baseUrl + "/api/v2/automations/triggers/" + t.id() + "/webhook" : null;
        return new TriggerView(t.id(), t.automationId(), t.type(), url, secret, t.signatureScheme(), t.secretRotatedAt(),
                t.previousSecretExpiresAt(), t.cronSchedule(), nextRunTimes, t.lastTriggeredAt(),
                JsonText.read(t.filter()), JsonText.read(t.labelPaths()), t.createdAt(), t.updatedAt());
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
