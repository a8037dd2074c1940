package dev.automations.audit.control;

import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.UUID;

/** The {@code diff} of an audit entry: {@code {"field": {"old": …, "new": …}}} for the fields that changed (§13). */
public final class Diff {

    public static final String REDACTED = "[redacted]";

    private final JsonObjectBuilder fields = JsonText.JSON.createObjectBuilder();

    public static Diff of() {
        return new Diff();
    }

    /** Every field whose value differs between two snapshots keyed by JSON name; an empty snapshot on one side records a creation or a deletion. */
    public static Diff between(Map<String, Object> before, Map<String, Object> after) {
        Diff diff = of();
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        fields.forEach(field -> diff.change(field, before.get(field), after.get(field)));
        return diff;
    }

    public Diff change(String field, Object oldValue, Object newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            fields.add(field, JsonText.JSON.createObjectBuilder().add("old", json(oldValue)).add("new", json(newValue)));
        }
        return this;
    }

    /** A secret changed: the entry says so and never what it was or became. */
    public Diff secret(String field) {
        fields.add(field, JsonText.JSON.createObjectBuilder().add("old", REDACTED).add("new", REDACTED));
        return this;
    }

    public JsonObject build() {
        return fields.build();
    }

    static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer i) {
            return JsonText.JSON.createValue(i);
        }
        if (value instanceof Long l) {
            return JsonText.JSON.createValue(l);
        }
        if (value instanceof Double d) {
            return JsonText.JSON.createValue(d);
        }
        if (value instanceof Collection<?> items) {
            var array = JsonText.JSON.createArrayBuilder();
            items.forEach(item -> array.add(json(item)));
            return array.build();
        }
        if (value instanceof String || value instanceof UUID || value instanceof Enum<?> || value instanceof java.time.Instant) {
            return JsonText.JSON.createValue(value.toString());
        }
        throw new IllegalArgumentException("No JSON form for " + value.getClass());
    }
}
