package dev.automations.signature;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs test deliveries the way senders do, independently of the code under test; the ITs sign with it too. */
public final class TestSigning {

    private TestSigning() {
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String hmacHex(String secret, String message) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), message));
    }

    static String hmacBase64(byte[] key, String message) {
        return Base64.getEncoder().encodeToString(hmac(key, message));
    }

    static byte[] whsecKey(String secret) {
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** A secret the scheme accepts, generated where the scheme generates them, else shaped like a sender-issued one. */
    static String secretFor(SignatureScheme scheme, SecureRandom random) {
        return scheme.generatesSecret() ? scheme.generateSecret(random) : "whsec_" + HexFormat.of().formatHex(new byte[16]) + random.nextInt(1000);
    }

    /** The headers a sender of the scheme would send for this body; the timestamp is used where the scheme has one. */
    public static Map<String, String> signedHeaders(SignatureScheme scheme, String secret, String body, long timestamp) {
        return switch (scheme) {
            case HMAC_SHA256 -> headers("X-Hub-Signature-256", "sha256=" + hmacHex(secret, body));
            case STANDARD_WEBHOOKS -> headers("webhook-id", "msg_1", "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", "v1," + hmacBase64(whsecKey(secret), "msg_1." + timestamp + "." + body));
            case STRIPE -> headers("Stripe-Signature", "t=" + timestamp + ",v1=" + hmacHex(secret, timestamp + "." + body));
            case SLACK -> headers("X-Slack-Request-Timestamp", Long.toString(timestamp),
                    "X-Slack-Signature", "v0=" + hmacHex(secret, "v0:" + timestamp + ":" + body));
            case TOKEN -> headers("X-Gitlab-Token", secret);
        };
    }

    /** Headers as a servlet container hands them over: case-insensitive. */
    static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
