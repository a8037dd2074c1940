package dev.automations.filter;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trigger's {@code label_paths} (contract §8): label key → {@link Selector}. The resolved labels
 * find the chat an event continues. Parse once when the trigger is saved; immutable and thread-safe.
 */
public final class LabelPaths {

    private static final int MAX_ENTRIES = 16;
    private static final int MAX_KEY_CHARS = 64;
    private static final int MAX_VALUE_CHARS = 256;
    private static final String KEY_SYMBOLS = "_.:/-";
    private static final LabelPaths NONE = new LabelPaths(Map.of());

    private final Map<String, Selector> paths;

    private LabelPaths(Map<String, Selector> paths) {
        this.paths = paths;
    }

    /**
     * @param json Java null, JSON null or {@code {}} for no labels; otherwise an object of at most 16
     *             entries, each a key of 1..64 characters of {@code [A-Za-z0-9_.:/-]} mapped to a
     *             selector string
     * @return the parsed label paths, in the order given
     * @throws InvalidLabelPathsException naming the key (or {@code "label_paths"} for the whole)
     */
    public static LabelPaths parse(JsonValue json) {
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return NONE;
        }
        if (!(json instanceof JsonObject object)) {
            throw new InvalidLabelPathsException("label_paths", "must be a JSON object or null, got " + JsonValues.brief(json));
        }
        if (object.size() > MAX_ENTRIES) {
            throw new InvalidLabelPathsException("label_paths", "more than " + MAX_ENTRIES + " entries");
        }
        Map<String, Selector> paths = new LinkedHashMap<>();
        object.forEach((key, value) -> paths.put(checkedKey(key), selector(key, value)));
        return paths.isEmpty() ? NONE : new LabelPaths(Collections.unmodifiableMap(paths));
    }

    /** §8's rule for a label key, wherever labels come from (label paths, or a chat's labels set through the API). */
    public static boolean isValidKey(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_CHARS && key.chars().allMatch(c ->
                (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || KEY_SYMBOLS.indexOf(c) >= 0);
    }

    private static String checkedKey(String key) {
        if (!isValidKey(key)) {
            throw new InvalidLabelPathsException(key, "a label key is 1.." + MAX_KEY_CHARS
                    + " characters of letters, digits and " + KEY_SYMBOLS);
        }
        return key;
    }

    private static Selector selector(String key, JsonValue value) {
        if (!(value instanceof JsonString string)) {
            throw new InvalidLabelPathsException(key, "the selector must be a string, got " + JsonValues.brief(value));
        }
        try {
            return Selector.parse(string.getString());
        } catch (InvalidFilterException e) {
            throw new InvalidLabelPathsException(key, "invalid selector " + e.getMessage());
        }
    }

    /**
     * Resolves the labels of one delivery. Strings stay as they are; numbers become their JSON text
     * ({@code 42}), booleans {@code true}/{@code false}, objects and arrays compact JSON, {@code null}
     * the empty string; values are cut to 256 characters. A selector that finds nothing leaves its
     * key out.
     *
     * @param payload the parsed JSON body, or Java {@code null} when it was not JSON (see
     *                {@link Filter#evaluate})
     * @param headers the request headers with case-insensitive lookups; null for none
     * @return null when there are no label paths (the event records no labels); otherwise the labels
     *     in the order of the label paths, empty when no selector found anything
     */
    public Map<String, String> resolve(JsonValue payload, Map<String, String> headers) {
        if (paths.isEmpty()) {
            return null;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        paths.forEach((key, selector) -> selector.select(payload, headers)
                .ifPresent(value -> labels.put(key, JsonValues.cut(text(value), MAX_VALUE_CHARS))));
        return labels;
    }

    /** A string's U+0000 becomes U+FFFD: labels are stored as text, which PostgreSQL refuses with U+0000 in it. */
    private static String text(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().replace('\0', '\uFFFD');
            case NULL -> "";
            default -> value.toString();
        };
    }
}
