package dev.automations.platform.control;

import jakarta.json.JsonObject;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A PATCH body: the request record's values plus which fields were present, because an omitted field
 * means "unchanged" while an explicit {@code null} means "clear" (§4).
 */
public record Patch<T extends Record>(T values, Set<String> present) {

    public static <T extends Record> Patch<T> of(Class<T> type, JsonObject json) {
        return new Patch<>(Validated.check(RecordBinder.bind(type, json)), Set.copyOf(json.keySet()));
    }

    /** A whole body (create): every field with a value counts as present. */
    public static <T extends Record> Patch<T> whole(T values) {
        Set<String> present = new HashSet<>();
        for (RecordComponent component : values.getClass().getRecordComponents()) {
            try {
                if (component.getAccessor().invoke(values) != null) {
                    present.add(RecordBinder.snakeCase(component.getName()));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Patch<>(values, Set.copyOf(present));
    }

    public boolean has(String field) {
        return present.contains(field);
    }

    /** A field that may be changed but not cleared: present with {@code null} is a 400 naming it. */
    public boolean hasValue(String field, Object value) {
        if (has(field) && value == null) {
            throw ApiException.badRequest("Validation failed.", List.of(new FieldError(field, "must not be null")));
        }
        return has(field);
    }
}
