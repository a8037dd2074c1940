package dev.automations.signature;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a scheme reads from a delivery before any secret is involved.
 *
 * @param message    the bytes the sender signed
 * @param signatures every signature offered; one matching is enough
 * @param timestamp  the sender's Unix time in seconds, for schemes that send one
 */
record SignedRequest(byte[] message, List<byte[]> signatures, OptionalLong timestamp) {

    static byte[] prefixed(String prefix, byte[] body) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[head.length + body.length];
        System.arraycopy(head, 0, message, 0, head.length);
        System.arraycopy(body, 0, message, head.length, body.length);
        return message;
    }
}
