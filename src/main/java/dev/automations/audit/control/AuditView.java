package dev.automations.audit.control;

import dev.automations.platform.entity.JsonText;
import dev.automations.audit.entity.AuditEntry;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

public record AuditView(UUID id, Instant time, UUID userId, UUID organizationId, String action, String resourceType,
                        String resourceId, String resourceName, JsonObject diff, String ip, String userAgent, int statusCode) {

    static AuditView of(AuditEntry e) {
        JsonObject diff;
        try (var reader = JsonText.JSON.createReader(new StringReader(e.diff()))) {
            diff = reader.readObject();
        }
        return new AuditView(e.id(), e.time(), e.userId(), e.organizationId(), e.action(), e.resourceType(),
                e.resourceId(), e.resourceName(), diff, e.ip(), e.userAgent(), e.statusCode());
    }
}
