package dev.automations.filter;

import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A gjson-style dotted path; see {@link Selector} for the syntax. */
record DottedPath(String text, List<Step> steps) implements Selector {

    /**
     * One key of the path. {@code hash} marks an unescaped {@code #}: on an array it counts the
     * elements (last step) or maps the rest of the path over them; on an object it is the key "#".
     * {@code index} is the key read as an array index, or -1 when it is none.
     */
    record Step(String key, boolean hash, int index) {

        Step(String key, boolean hash) {
            this(key, hash, isIndex(key) ? Integer.parseInt(key) : -1);
        }

        private static boolean isIndex(String key) {
            return !key.isEmpty() && key.length() <= MAX_INDEX_DIGITS && key.chars().allMatch(c -> c >= '0' && c <= '9');
        }
    }

    /** gjson gives these a meaning we do not implement; refusing them beats matching differently. */
    private static final String UNSUPPORTED_ANYWHERE = "*?|";
    private static final String UNSUPPORTED_AT_KEY_START = "@[{#";

    private static final int MAX_INDEX_DIGITS = 9;

    static DottedPath parse(String text) {
        List<Step> steps = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        boolean escapedKeyStart = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i == text.length()) {
                    throw new InvalidFilterException(text, "a backslash at the end escapes nothing");
                }
                escapedKeyStart |= key.isEmpty();
                key.append(text.charAt(i));
            } else if (c == '.') {
                steps.add(step(text, key.toString(), escapedKeyStart));
                key.setLength(0);
                escapedKeyStart = false;
            } else if (UNSUPPORTED_ANYWHERE.indexOf(c) >= 0) {
                throw unsupported(text, c);
            } else {
                key.append(c);
            }
        }
        steps.add(step(text, key.toString(), escapedKeyStart));
        return new DottedPath(text, List.copyOf(steps));
    }

    private static Step step(String text, String key, boolean escapedKeyStart) {
        if (key.isEmpty()) {
            throw new InvalidFilterException(text, "empty key in the path (two dots, or a dot at either end)");
        }
        if (escapedKeyStart) {
            return new Step(key, false);
        }
        if (key.equals("#")) {
            return new Step(key, true);
        }
        if (UNSUPPORTED_AT_KEY_START.indexOf(key.charAt(0)) >= 0) {
            throw unsupported(text, key.charAt(0));
        }
        return new Step(key, false);
    }

    private static InvalidFilterException unsupported(String text, char c) {
        return new InvalidFilterException(text, "gjson's '" + c + "' syntax is not supported"
                + " (write \\" + c + " for a literal '" + c + "', or use a JSONPath starting with $)");
    }

    @Override
    public Optional<JsonValue> select(JsonValue payload, Map<String, String> headers) {
        return payload == null ? Optional.empty() : walk(payload, 0);
    }

    private Optional<JsonValue> walk(JsonValue node, int at) {
        if (at == steps.size()) {
            return Optional.of(node);
        }
        Step step = steps.get(at);
        return switch (node.getValueType()) {
            case OBJECT -> Optional.ofNullable(node.asJsonObject().get(step.key())).flatMap(v -> walk(v, at + 1));
            case ARRAY -> step.hash() ? overElements(node.asJsonArray(), at) : atIndex(node.asJsonArray(), step.index(), at);
            default -> Optional.empty();
        };
    }

    private Optional<JsonValue> overElements(JsonArray array, int at) {
        if (at == steps.size() - 1) {
            return Optional.of(JsonText.JSON.createValue(array.size()));
        }
        JsonArrayBuilder found = JsonText.JSON.createArrayBuilder();
        for (JsonValue element : array) {
            walk(element, at + 1).ifPresent(found::add);
        }
        return Optional.of(found.build());
    }

    private Optional<JsonValue> atIndex(JsonArray array, int index, int at) {
        return index >= 0 && index < array.size() ? walk(array.get(index), at + 1) : Optional.empty();
    }
}
