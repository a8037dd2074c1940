package dev.automations.automation.control;

import dev.automations.automation.entity.Automation;
import dev.automations.automation.entity.AutomationStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Automation JSON of §4; lists are [] rather than null, as Coder clients expect. */
public record AutomationView(UUID id, UUID ownerId, UUID organizationId, String name, String description, String instructions,
                             UUID modelConfigId, List<UUID> mcpServerIds, List<String> allowedTools, String status,
                             int maxChatCreatesPerHour, int maxMessagesPerHour, Instant createdAt, Instant updatedAt) {

    public static AutomationView of(Automation a) {
        return new AutomationView(a.id(), a.ownerId(), a.organizationId(), a.name(), a.description(), a.instructions(),
                a.modelConfigId(), a.mcpServerIds(), a.allowedTools(), a.status().wire(), a.maxChatCreatesPerHour(),
                a.maxMessagesPerHour(), a.createdAt(), a.updatedAt());
    }

    /*
     * What the features above ask of the status, so none of them reads the entity's enum. Not named like getters:
     * JSON binding would add them to §4's Automation.
     */

    /** Deliveries are dropped unrecorded (§6 step 1) and cron triggers do not fire (§10). */
    public boolean disabled() {
        return AutomationStatus.DISABLED.wire().equals(status);
    }

    /** Events are recorded with the chat they would continue, and never fired (§9). */
    public boolean inPreview() {
        return AutomationStatus.PREVIEW.wire().equals(status);
    }

    /** The audited fields, by their JSON names, so a diff reads like the API. */
    Map<String, Object> auditFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("description", description);
        fields.put("instructions", instructions);
        fields.put("model_config_id", modelConfigId);
        fields.put("mcp_server_ids", mcpServerIds);
        fields.put("allowed_tools", allowedTools);
        fields.put("status", status);
        fields.put("max_chat_creates_per_hour", maxChatCreatesPerHour);
        fields.put("max_messages_per_hour", maxMessagesPerHour);
        return fields;
    }
}
