package dev.automations.platform.control;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.Optional;

/**
 * Text the database can hold as it was sent. PostgreSQL text refuses U+0000 (a statement error, which was a 500), and
 * an unpaired surrogate is not Unicode at all (the driver stored it as {@code ?}); both are refused at the door.
 */
public final class StorableText {

    private StorableText() {
    }

    /** @return why {@code text} cannot be stored as sent, empty when it can */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return Optional.of("text must not contain U+0000");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("text must be valid Unicode (an unpaired surrogate)");
            }
        }
        return Optional.empty();
    }

    /** The first problem of any string or member name inside {@code value}. */
    public static Optional<String> problem(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> problem(((JsonString) value).getString());
            case ARRAY -> value.asJsonArray().stream().map(StorableText::problem).flatMap(Optional::stream).findFirst();
            case OBJECT -> value.asJsonObject().entrySet().stream().map(StorableText::problem).flatMap(Optional::stream).findFirst();
            default -> Optional.empty();
        };
    }

    private static Optional<String> problem(Map.Entry<String, JsonValue> member) {
        return problem(member.getKey()).or(() -> problem(member.getValue()));
    }
}
