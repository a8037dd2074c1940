package dev.automations.event.entity;

import dev.automations.platform.entity.WireName;

/** §11: an event's statuses, stored and shown by their wire names; listed in the order the API names them. */
public enum EventStatus implements WireName {
    /** Matched and recorded, waiting to be fired (§9). */
    PENDING("pending"),
    /** The trigger's filter did not hold (§6 step 6). */
    FILTERED("filtered"),
    /** Matched for a preview automation: recorded with the chat it would continue, never fired (§9). */
    PREVIEW("preview"),
    /** Fired into a new chat. */
    CREATED("created"),
    /** Fired into an existing chat. */
    CONTINUED("continued"),
    /** Not fired: the automation's hourly limit was reached (§9). */
    RATE_LIMITED("rate_limited"),
    /** Not judged (too large, bad signature) or refused by the chat bridge; {@code error} says why. */
    ERROR("error");

    private final String wire;

    EventStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
