package dev.automations.signature;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sender's id for a delivery, used to recognise retries (contract §6 step 4). */
public final class DeliveryIds {

    /** Headers in the order the contract gives; the first present, non-blank one wins. */
    public static final List<String> HEADERS =
            List.of("X-GitHub-Delivery", "webhook-id", "Idempotency-Key", "X-Gitlab-Event-UUID", "X-Request-Id");

    /** Real senders use UUIDs or short tokens; the bound keeps a hostile header from bloating the event log and its index. */
    public static final int MAX_LENGTH = 200;

    /** Room left for a prefix of the id before {@code ~} and 64 hex characters of its SHA-256. */
    private static final int KEPT_PREFIX = MAX_LENGTH - 1 - 64;

    private DeliveryIds() {
    }

    /**
     * @param headers request headers with case-insensitive lookups
     * @return the id, stripped of surrounding whitespace. An id longer than {@link #MAX_LENGTH} becomes its first
     *         135 characters, {@code ~} and the hex SHA-256 of the whole id: exactly {@link #MAX_LENGTH} characters, and
     *         still distinct for distinct ids, as plain cutting would not be (two ids sharing a long prefix would
     *         then pass for a retry, and the second delivery would be dropped).
     */
    public static Optional<String> from(Map<String, String> headers) {
        return HEADERS.stream()
                .map(headers::get)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .map(String::strip)
                .map(DeliveryIds::bounded);
    }

    private static String bounded(String id) {
        if (id.length() <= MAX_LENGTH) {
            return id;
        }
        return id.substring(0, KEPT_PREFIX) + "~" + HexFormat.of().formatHex(Crypto.sha256(id));
    }
}
