package dev.automations.signature;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Slack's {@code X-Slack-Signature: v0=<hex>} over {@code v0:<timestamp>:<body>}. */
final class SlackSignature {

    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    static final String SIGNATURE = "X-Slack-Signature";

    private SlackSignature() {
    }

    static SignedRequest read(byte[] body, Map<String, String> headers) throws RejectedSignature {
        String timestamp = HeaderValues.required(headers, TIMESTAMP);
        byte[] signature = HeaderValues.prefixedHex(SIGNATURE, HeaderValues.required(headers, SIGNATURE), "v0=");
        long seconds = HeaderValues.unixSeconds(TIMESTAMP, timestamp);
        return new SignedRequest(SignedRequest.prefixed("v0:" + timestamp + ":", body), List.of(signature), OptionalLong.of(seconds));
    }
}
