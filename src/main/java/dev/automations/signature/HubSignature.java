package dev.automations.signature;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** GitHub's (and Coder's) {@code X-Hub-Signature-256: sha256=<hex>} over the raw body. */
final class HubSignature {

    static final String HEADER = "X-Hub-Signature-256";

    private HubSignature() {
    }

    static SignedRequest read(byte[] body, Map<String, String> headers) throws RejectedSignature {
        String value = HeaderValues.required(headers, HEADER);
        return new SignedRequest(body, List.of(HeaderValues.prefixedHex(HEADER, value, "sha256=")), OptionalLong.empty());
    }
}
