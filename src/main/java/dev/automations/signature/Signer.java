package dev.automations.signature;

import java.util.function.Function;

/** Computes the signature a secret gives a message, in the form the scheme's reader decodes offered signatures to. */
@FunctionalInterface
interface Signer {

    /** @throws IllegalArgumentException when the secret can't be used by this scheme */
    byte[] sign(String secret, byte[] message);

    /** @param key turns the secret into the HMAC key, throwing IllegalArgumentException when it can't */
    static Signer hmacSha256(Function<String, byte[]> key) {
        return (secret, message) -> Crypto.hmacSha256(key.apply(secret), message);
    }
}
