package dev.automations.signature;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The check every scheme shares: read the headers, bound the timestamp, then try each secret in turn. */
record SchemeVerifier(RequestReader reader, Signer signer) {

    static final long TOLERANCE_SECONDS = 300;
    static final String MISMATCH = "signature mismatch";
    static final String STALE = "timestamp outside tolerance";
    static final String NO_USABLE_SECRET = "no usable secret for this scheme";

    Verification verify(List<String> secrets, byte[] body, Map<String, String> headers, Instant now) {
        SignedRequest request;
        try {
            request = reader.read(body, headers);
        } catch (RejectedSignature e) {
            return Verification.failed(e.getMessage());
        }
        // Before any secret, as the Standard Webhooks libraries do: a stale delivery costs no HMAC work.
        if (request.timestamp().isPresent()
                && Math.abs(now.getEpochSecond() - request.timestamp().getAsLong()) > TOLERANCE_SECONDS) {
            return Verification.failed(STALE);
        }
        boolean anyUsable = false;
        for (int i = 0; i < secrets.size(); i++) {
            byte[] expected;
            try {
                expected = signer.sign(secrets.get(i), request.message());
            } catch (IllegalArgumentException e) {
                continue;
            }
            anyUsable = true;
            if (Crypto.matchesAny(expected, request.signatures())) {
                return Verification.verified(i);
            }
        }
        // A stored secret the scheme can't use is the operator's problem, not the sender's; say so.
        return Verification.failed(anyUsable ? MISMATCH : NO_USABLE_SECRET);
    }
}
