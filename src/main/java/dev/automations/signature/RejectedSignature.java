package dev.automations.signature;

/** A request whose signature headers can't be used; the message is the reason recorded on the event. */
final class RejectedSignature extends Exception {

    RejectedSignature(String reason) {
        // The reason is all a caller needs; a stack trace per bad delivery would be noise.
        super(reason, null, false, false);
    }
}
