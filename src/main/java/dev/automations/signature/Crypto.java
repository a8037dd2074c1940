package dev.automations.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Primitives shared by all schemes. */
final class Crypto {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private Crypto() {
    }

    /** @throws IllegalArgumentException for an empty key */
    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            // A new Mac per call: Mac instances are not thread-safe and creating one is cheap.
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Constant-time in the content of the offered signatures, so timing tells an attacker nothing about the expected one. */
    static boolean matchesAny(byte[] expected, List<byte[]> offered) {
        return offered.stream().anyMatch(candidate -> MessageDigest.isEqual(expected, candidate));
    }

    /** Hex of either case; empty for blank or invalid input, since no signature is zero bytes long. */
    static Optional<byte[]> decodeHex(String hex) {
        if (hex.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Standard base64 with optional padding; empty for blank or invalid input. */
    static Optional<byte[]> decodeBase64(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
