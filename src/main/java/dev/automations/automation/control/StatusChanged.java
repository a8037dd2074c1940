package dev.automations.automation.control;

import java.time.Instant;
import java.util.UUID;

/** An automation's status changed; observed in the same transaction by whatever schedules on it (cron, §10). */
public record StatusChanged(UUID automationId, String from, String to, Instant at) {

    public boolean enabled() {
        return "disabled".equals(from) && !"disabled".equals(to);
    }

    public boolean disabled() {
        return !"disabled".equals(from) && "disabled".equals(to);
    }
}
