package dev.automations.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Stripe's {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]} over {@code <t>.<body>}. */
final class StripeSignature {

    static final String HEADER = "Stripe-Signature";

    private StripeSignature() {
    }

    static SignedRequest read(byte[] body, Map<String, String> headers) throws RejectedSignature {
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String item : HeaderValues.required(headers, HEADER).split(",")) {
            int equals = item.indexOf('=');
            String key = equals < 0 ? item.strip() : item.substring(0, equals).strip();
            String value = equals < 0 ? "" : item.substring(equals + 1).strip();
            if (key.equals("t")) {
                // Two timestamps leave it open which one the sender signed.
                if (timestamp != null) {
                    throw HeaderValues.malformed(HEADER);
                }
                timestamp = value;
            } else if (key.equals("v1")) {
                // An unreadable entry is skipped rather than fatal: another v1 entry may still match.
                Crypto.decodeHex(value).ifPresent(signatures::add);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw HeaderValues.malformed(HEADER);
        }
        long seconds = HeaderValues.unixSeconds(HEADER, timestamp);
        return new SignedRequest(SignedRequest.prefixed(timestamp + ".", body), signatures, OptionalLong.of(seconds));
    }
}
