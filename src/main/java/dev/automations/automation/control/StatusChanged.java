package dev.automations.automation.control;

import dev.automations.automation.entity.AutomationStatus;

import java.time.Instant;
import java.util.UUID;

/** An automation's status changed; observed in the same transaction by whatever schedules on it (cron, §10). */
public record StatusChanged(UUID automationId, AutomationStatus from, AutomationStatus to, Instant at) {

    public boolean enabled() {
        return from == AutomationStatus.DISABLED && to != AutomationStatus.DISABLED;
    }

    public boolean disabled() {
        return from != AutomationStatus.DISABLED && to == AutomationStatus.DISABLED;
    }
}
