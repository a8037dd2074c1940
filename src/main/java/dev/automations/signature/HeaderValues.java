package dev.automations.signature;

import java.util.Map;

/** Header lookups that fail with the reason recorded on the event. Reasons name the header, never its value. */
final class HeaderValues {

    /** 18 digits always fit a long, and no sender's clock is that far off. */
    private static final int MAX_TIMESTAMP_DIGITS = 18;

    private HeaderValues() {
    }

    static String required(Map<String, String> headers, String name) throws RejectedSignature {
        String value = headers.get(name);
        if (value == null) {
            throw new RejectedSignature("missing " + name + " header");
        }
        return value;
    }

    static RejectedSignature malformed(String name) {
        return new RejectedSignature("malformed " + name + " header");
    }

    /** Digits only: a sign or spaces would make the signed text differ from the number compared with the clock. */
    static long unixSeconds(String name, String value) throws RejectedSignature {
        if (value.isEmpty() || value.length() > MAX_TIMESTAMP_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed(name);
        }
        return Long.parseLong(value);
    }

    /** A single hex signature after a fixed prefix such as {@code sha256=}. */
    static byte[] prefixedHex(String name, String value, String prefix) throws RejectedSignature {
        if (!value.startsWith(prefix)) {
            throw malformed(name);
        }
        return Crypto.decodeHex(value.substring(prefix.length())).orElseThrow(() -> malformed(name));
    }
}
