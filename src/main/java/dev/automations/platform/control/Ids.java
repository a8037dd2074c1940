package dev.automations.platform.control;

import java.util.Optional;
import java.util.UUID;

/** Ids arrive as text in paths and query strings; resources parse them here, once, and hand {@code UUID}s on. */
public final class Ids {

    private Ids() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A path id: a malformed one names nothing that exists, so it is a 404 like any unknown id. */
    public static UUID existing(String text) {
        return parse(text).orElseThrow(ApiException::notFound);
    }

    /** An optional query parameter: absent is null, malformed is a 400 naming the parameter. */
    public static UUID parameter(String text, String name) {
        return text == null ? null : parse(text).orElseThrow(() -> ApiException.invalidField(name, "must be a UUID"));
    }
}
