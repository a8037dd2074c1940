package dev.automations.signature;

/**
 * Outcome of checking a delivery's signature.
 *
 * @param valid       whether one of the secrets verified the delivery
 * @param secretIndex index of the secret that verified it (0 = current, 1 = previous during a grace period), -1 when invalid
 * @param reason      why it failed, for the event log; never contains a secret or an expected signature; null when valid
 */
public record Verification(boolean valid, int secretIndex, String reason) {

    public Verification {
        if (valid ? secretIndex < 0 || reason != null : secretIndex != -1 || reason == null) {
            throw new IllegalArgumentException("inconsistent verification");
        }
    }

    static Verification verified(int secretIndex) {
        return new Verification(true, secretIndex, null);
    }

    static Verification failed(String reason) {
        return new Verification(false, -1, reason);
    }
}
