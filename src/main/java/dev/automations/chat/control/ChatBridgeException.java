package dev.automations.chat.control;

/**
 * A bridge could not hand an event over, for good as far as this firing goes (a remote deployment refused it, or
 * kept failing after its retries). Firing records the event {@code error} with this message and commits (§9 step 5):
 * the event stays replayable and is not fired again by the recovery sweep. Anything else a bridge throws rolls the
 * firing back, leaving its events pending for the sweep, which is right for the service's own database failures.
 */
public class ChatBridgeException extends RuntimeException {

    /** @param reason stored as the event's {@code error}: no secrets, at most a few hundred characters */
    public ChatBridgeException(String reason) {
        super(reason);
    }
}
