package dev.automations.secret.control;

/** A stored secret that cannot be opened: its key is not configured, or the value was altered. */
public class UnreadableSecretException extends IllegalStateException {

    public UnreadableSecretException(String message) {
        super(message);
    }
}
