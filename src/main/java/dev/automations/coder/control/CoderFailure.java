package dev.automations.coder.control;

import dev.automations.chat.control.ChatBridgeException;

/** A call to Coder that did not succeed (§17): its HTTP status, or 0 when no answer came (timeout, connection). */
public class CoderFailure extends ChatBridgeException {

    /** The event's {@code error} column holds 1024 characters. */
    private static final int MAX_REASON = 1024;

    private final int status;

    CoderFailure(int status, String reason) {
        super(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
