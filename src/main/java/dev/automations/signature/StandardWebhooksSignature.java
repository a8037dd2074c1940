package dev.automations.signature;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Standard Webhooks: {@code webhook-signature: v1,<base64> …} (space-separated) over {@code <id>.<timestamp>.<body>}.
 * Entries of other versions are ignored, as the specification asks, so senders can add new ones.
 */
final class StandardWebhooksSignature {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";

    private StandardWebhooksSignature() {
    }

    static SignedRequest read(byte[] body, Map<String, String> headers) throws RejectedSignature {
        String id = HeaderValues.required(headers, ID);
        String timestamp = HeaderValues.required(headers, TIMESTAMP);
        String offered = HeaderValues.required(headers, SIGNATURE);
        long seconds = HeaderValues.unixSeconds(TIMESTAMP, timestamp);
        List<byte[]> signatures = Arrays.stream(offered.strip().split(" +"))
                .filter(entry -> entry.startsWith("v1,"))
                .map(entry -> Crypto.decodeBase64(entry.substring("v1,".length())))
                .flatMap(Optional::stream)
                .toList();
        if (signatures.isEmpty()) {
            throw HeaderValues.malformed(SIGNATURE);
        }
        return new SignedRequest(SignedRequest.prefixed(id + "." + timestamp + ".", body), signatures, OptionalLong.of(seconds));
    }
}
