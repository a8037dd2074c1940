package dev.automations.platform.control;

import java.util.Optional;
import java.util.UUID;

/** Path ids arrive as text; a malformed one names nothing that exists, so it is a 404 like any unknown id. */
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

    public static UUID existing(String text) {
        return parse(text).orElseThrow(ApiException::notFound);
    }
}
