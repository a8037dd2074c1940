package dev.automations.platform.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Binds a JSON object to a request record, reporting every field of the wrong JSON type at once
 * (one {@code validations} entry each) instead of failing on the first as JSON-B does.
 * Record components are named in camelCase and read from their snake_case JSON names; unknown fields are ignored (§1).
 */
public final class RecordBinder {

    private RecordBinder() {
    }

    public static <T extends Record> T bind(Class<T> type, JsonObject json) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            String field = snakeCase(components[i].getName());
            JsonValue value = json.get(field);
            try {
                values[i] = value == null || value.getValueType() == JsonValue.ValueType.NULL
                        ? null : convert(components[i].getGenericType(), value);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Invalid request body.", errors);
        }
        return construct(type, components, values);
    }

    public static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Object convert(Type type, JsonValue value) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new IllegalArgumentException("must be an array");
            }
            Type element = list.getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            for (JsonValue item : value.asJsonArray()) {
                if (item.getValueType() == JsonValue.ValueType.NULL) {
                    throw new IllegalArgumentException("must not contain null");
                }
                out.add(convert(element, item));
            }
            return List.copyOf(out);
        }
        if (type == String.class) {
            return string(value, "must be a string");
        }
        if (type == UUID.class) {
            String text = string(value, "must be a UUID string");
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be a UUID string");
            }
        }
        if (type == Integer.class || type == Long.class) {
            if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                throw new IllegalArgumentException("must be an integer");
            }
            try {
                long n = number.bigDecimalValue().longValueExact();
                return type == Long.class ? (Object) n : (Object) Math.toIntExact(n);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("is out of range");
            }
        }
        if (type == Double.class) {
            if (!(value instanceof JsonNumber number)) {
                throw new IllegalArgumentException("must be a number");
            }
            double d = number.doubleValue();
            if (Double.isInfinite(d)) {
                throw new IllegalArgumentException("is out of range");
            }
            return d;
        }
        if (type == Boolean.class) {
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw new IllegalArgumentException("must be a boolean");
        }
        if (type == JsonValue.class) {
            return value;
        }
        if (type == JsonObject.class) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("must be an object");
            }
            return value.asJsonObject();
        }
        throw new IllegalStateException("Request records may not use " + type);
    }

    private static String string(JsonValue value, String problem) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new IllegalArgumentException(problem);
    }

    private static <T extends Record> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + type, e);
        }
    }
}
