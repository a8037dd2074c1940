package dev.automations.filter;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** JSON comparison and rendering shared by conditions, selectors and labels. */
final class JsonValues {

    private static final int BRIEF_CHARS = 100;

    private JsonValues() {
    }

    /** Deep equality by JSON type and value; numbers compare numerically, so 42 equals 42.0. */
    static boolean same(JsonValue a, JsonValue b) {
        if (a.getValueType() != b.getValueType()) {
            return false;
        }
        return switch (a.getValueType()) {
            case NUMBER -> ((JsonNumber) a).bigDecimalValue().compareTo(((JsonNumber) b).bigDecimalValue()) == 0;
            case STRING -> ((JsonString) a).getString().equals(((JsonString) b).getString());
            case ARRAY -> sameArrays(a.asJsonArray(), b.asJsonArray());
            case OBJECT -> sameObjects(a.asJsonObject(), b.asJsonObject());
            case TRUE, FALSE, NULL -> true;
        };
    }

    private static boolean sameArrays(JsonArray a, JsonArray b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameObjects(JsonObject a, JsonObject b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (var entry : a.entrySet()) {
            JsonValue other = b.get(entry.getKey());
            if (other == null || !same(entry.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    /** Compact JSON cut short, so that a reason stays readable however large the payload is. */
    static String brief(JsonValue value) {
        String json = value.toString();
        String shown = cut(json, BRIEF_CHARS);
        return shown.length() == json.length() ? json : shown + "…";
    }

    /** The first {@code max} characters, never splitting a surrogate pair. */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }
}
