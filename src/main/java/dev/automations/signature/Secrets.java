package dev.automations.signature;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Secret formats: generating them, vetting the ones users bring, and turning them into keys. */
final class Secrets {

    static final int MIN_LENGTH = 16;
    static final int MAX_LENGTH = 256;
    private static final String WHSEC = "whsec_";
    private static final int GENERATED_BYTES = 32;
    private static final int MIN_WHSEC_BYTES = 24;
    private static final int MAX_WHSEC_BYTES = 64;

    private Secrets() {
    }

    static String hex(SecureRandom random) {
        return HexFormat.of().formatHex(randomBytes(random));
    }

    static String whsec(SecureRandom random) {
        return WHSEC + Base64.getEncoder().encodeToString(randomBytes(random));
    }

    private static byte[] randomBytes(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    static Optional<String> lengthOrCharacterProblem(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH || secret.length() > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (!secret.chars().allMatch(c -> c >= ' ' && c <= '~')) {
            return Optional.of("must contain only printable ASCII characters");
        }
        return Optional.empty();
    }

    static Optional<String> noSchemeRule(String secret) {
        return Optional.empty();
    }

    static Optional<String> whsecProblem(String secret) {
        Optional<byte[]> key = whsecBytes(secret);
        if (key.isEmpty()) {
            return Optional.of("must be " + WHSEC + " followed by base64");
        }
        if (key.get().length < MIN_WHSEC_BYTES || key.get().length > MAX_WHSEC_BYTES) {
            return Optional.of("must encode " + MIN_WHSEC_BYTES + " to " + MAX_WHSEC_BYTES + " bytes after " + WHSEC);
        }
        return Optional.empty();
    }

    /** Header values lose leading and trailing spaces in transit, so such a token could never be presented. */
    static Optional<String> tokenProblem(String secret) {
        return secret.strip().equals(secret) ? Optional.empty() : Optional.of("must not start or end with a space");
    }

    static byte[] utf8Key(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Any decodable {@code whsec_} secret is used as it is, including keys outside the size that {@link #whsecProblem}
     * asks of new secrets: those bounds are for what users bring, not for what senders already sign with.
     */
    static byte[] whsecKey(String secret) {
        return whsecBytes(secret).orElseThrow(() -> new IllegalArgumentException("not a " + WHSEC + " secret"));
    }

    private static Optional<byte[]> whsecBytes(String secret) {
        return secret.startsWith(WHSEC) ? Crypto.decodeBase64(secret.substring(WHSEC.length())) : Optional.empty();
    }
}
