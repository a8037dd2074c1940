package dev.automations.secret.control;

import java.util.Objects;

/**
 * A secret as it is stored (§13).
 *
 * @param keyId      the key it was sealed with
 * @param ciphertext base64 of nonce, ciphertext and GCM tag
 */
public record Sealed(String keyId, String ciphertext) {

    public Sealed {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    /** Without the ciphertext: logs should not collect material for offline attacks on a key. */
    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + "]";
    }
}
