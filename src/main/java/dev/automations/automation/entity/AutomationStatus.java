package dev.automations.automation.entity;

import dev.automations.platform.entity.WireName;

/** §4: an automation's statuses, stored and shown by their wire names. */
public enum AutomationStatus implements WireName {
    /** Deliveries are dropped unrecorded (§6 step 1) and cron triggers do not fire (§10). */
    DISABLED("disabled"),
    /** Events are recorded with the chat they would continue; nothing is sent (§9). */
    PREVIEW("preview"),
    /** Events fire into chats (§9). */
    ACTIVE("active");

    private final String wire;

    AutomationStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
