package dev.automations.secret.control;

import java.security.SecureRandom;
import java.util.Base64;

/** Key lists for tests, in the {@code automations.secret-keys} format. */
final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static String randomKey() {
        byte[] key = new byte[SecretKeys.KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static SecretBox box(String... entries) {
        return new SecretBox(SecretKeys.parse(String.join(",", entries)));
    }
}
