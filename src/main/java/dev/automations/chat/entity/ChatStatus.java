package dev.automations.chat.entity;

import dev.automations.platform.entity.WireName;

/** §15: Coder's chat statuses, stored and shown by their wire names. */
public enum ChatStatus implements WireName {
    /** A user message waits for the agent. */
    PENDING("pending"),
    /** A turn is in progress. */
    RUNNING("running"),
    /** The agent answered; waiting for the next user message. */
    WAITING("waiting"),
    /** The last turn failed; {@code last_error} says why. */
    ERROR("error");

    private final String wire;

    ChatStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
