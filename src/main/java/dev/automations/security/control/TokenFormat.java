package dev.automations.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** Tokens are {@code <10-char id>-<22-char secret>} (§3); the id finds the row, the secret's SHA-256 proves it. */
public final class TokenFormat {

    public record Token(String keyId, String secret) {
        public String text() {
            return keyId + "-" + secret;
        }

        public String hashedSecret() {
            return hash(secret);
        }
    }

    static final int ID_LENGTH = 10;
    static final int SECRET_LENGTH = 22;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern SHAPE = Pattern.compile("([a-zA-Z0-9]{" + ID_LENGTH + "})-([a-zA-Z0-9]{" + SECRET_LENGTH + "})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFormat() {
    }

    public static Token generate() {
        return new Token(random(ID_LENGTH), random(SECRET_LENGTH));
    }

    public static Optional<Token> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = SHAPE.matcher(text.trim());
        return m.matches() ? Optional.of(new Token(m.group(1), m.group(2))) : Optional.empty();
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Compares hashes without an early exit, so response time says nothing about how much matched. */
    public static boolean matches(Token token, String storedHash) {
        return MessageDigest.isEqual(token.hashedSecret().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
