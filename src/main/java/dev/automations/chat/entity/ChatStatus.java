package dev.automations.chat.entity;

/** §15: Coder's chat statuses, stored and shown by their wire names. */
public enum ChatStatus {
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

    public String wire() {
        return wire;
    }

    public static ChatStatus ofWire(String name) {
        for (ChatStatus status : values()) {
            if (status.wire.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown chat status " + name);
    }
}
