package dev.automations.it;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** Signs deliveries the way each sender does, so tests speak to the service like GitHub, Stripe or Slack. */
final class Signing {

    private Signing() {
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String github(String secret, String body) {
        return "sha256=" + hex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    static String standardWebhooks(String secret, String id, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, id + "." + timestamp + "." + body));
    }

    static String stripe(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + hex(hmac(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body));
    }

    static String slack(String secret, long timestamp, String body) {
        return "v0=" + hex(hmac(secret.getBytes(StandardCharsets.UTF_8), "v0:" + timestamp + ":" + body));
    }
}
