package dev.automations.signature;

import java.util.Map;

/** Reads one scheme's signature headers. */
@FunctionalInterface
interface RequestReader {

    /**
     * @param headers case-insensitive lookups
     * @throws RejectedSignature when a header is missing or malformed
     */
    SignedRequest read(byte[] body, Map<String, String> headers) throws RejectedSignature;
}
