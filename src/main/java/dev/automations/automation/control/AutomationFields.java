package dev.automations.automation.control;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * The fields of an automation as a client sends them, for create and PATCH alike (§4).
 * What is required on create is checked by {@link Automations}, since PATCH may omit anything.
 */
public record AutomationFields(
        @Size(min = 1, max = 128) String name,
        UUID organizationId,
        @Size(max = 4096) String description,
        @Size(max = 65536) String instructions,
        UUID modelConfigId,
        @Size(max = 100) List<UUID> mcpServerIds,
        @Size(max = 200) List<@Size(min = 1, max = 256) String> allowedTools,
        @Pattern(regexp = "disabled|preview|active", message = "must be one of disabled, preview, active") String status,
        @Min(1) @Max(1000) Integer maxChatCreatesPerHour,
        @Min(1) @Max(1000) Integer maxMessagesPerHour) {

    public AutomationFields {
        name = name == null ? null : name.strip();
    }
}
