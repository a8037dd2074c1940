package dev.automations.platform.boundary;

import dev.automations.platform.control.RecordBinder;
import dev.automations.platform.control.StoredJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON Schemas of the request and response records, as they are on the wire: snake_case names (§1), UUIDs and
 * times as formatted strings, and the Bean Validation limits of request records. Each record becomes one named
 * component, referenced wherever it is used.
 */
final class Schemas {

    private final Map<String, Schema> components = new TreeMap<>();

    Map<String, Schema> components() {
        return components;
    }

    Schema of(Type type) {
        if (type instanceof Endpoint.ListOf list) {
            return array(of(list.element()));
        }
        if (type instanceof ParameterizedType generic) {
            Type raw = generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (raw instanceof Class<?> c && Collection.class.isAssignableFrom(c)) {
                return array(of(arguments[0]));
            }
            if (raw == Map.class) {
                return SchemaTypes.of(SchemaType.OBJECT).additionalPropertiesSchema(of(arguments[1]));
            }
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            return ref(c);
        }
        return scalar(c);
    }

    private static Schema scalar(Class<?> c) {
        if (c == String.class) {
            return SchemaTypes.of(SchemaType.STRING);
        }
        if (c == UUID.class) {
            return SchemaTypes.of(SchemaType.STRING).format("uuid");
        }
        if (c == Instant.class) {
            return SchemaTypes.of(SchemaType.STRING).format("date-time");
        }
        if (c == int.class || c == Integer.class) {
            return SchemaTypes.of(SchemaType.INTEGER).format("int32");
        }
        if (c == long.class || c == Long.class) {
            return SchemaTypes.of(SchemaType.INTEGER).format("int64");
        }
        if (c == double.class || c == Double.class) {
            return SchemaTypes.of(SchemaType.NUMBER).format("double");
        }
        if (c == BigDecimal.class) {
            return SchemaTypes.of(SchemaType.NUMBER);
        }
        if (c == boolean.class || c == Boolean.class) {
            return SchemaTypes.of(SchemaType.BOOLEAN);
        }
        if (c == JsonObject.class) {
            return SchemaTypes.of(SchemaType.OBJECT);
        }
        if (c == JsonArray.class) {
            return array(OASFactory.createSchema());
        }
        if (JsonValue.class.isAssignableFrom(c) || c == StoredJson.class || c == Object.class) {
            return OASFactory.createSchema().description("any JSON value");
        }
        throw new IllegalArgumentException("No schema for " + c);
    }

    private static Schema array(Schema items) {
        return SchemaTypes.of(SchemaType.ARRAY).items(items);
    }

    private Schema ref(Class<?> record) {
        String name = record.getSimpleName();
        if (!components.containsKey(name)) {
            Schema schema = SchemaTypes.of(SchemaType.OBJECT);
            components.put(name, schema);
            for (RecordComponent component : record.getRecordComponents()) {
                String field = RecordBinder.snakeCase(component.getName());
                schema.addProperty(field, constrained(of(component.getGenericType()), component.getAccessor()));
                Method accessor = component.getAccessor();
                if (accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class)) {
                    schema.addRequired(field);
                }
            }
        }
        return OASFactory.createSchema().ref(name);
    }

    /** The limits a request record's validation enforces, so a client can see them before it is refused. */
    private static Schema constrained(Schema schema, Method accessor) {
        Size size = accessor.getAnnotation(Size.class);
        if (size != null && SchemaTypes.is(schema, SchemaType.STRING)) {
            schema.minLength(size.min() > 0 ? size.min() : null).maxLength(size.max() < Integer.MAX_VALUE ? size.max() : null);
        } else if (size != null && SchemaTypes.is(schema, SchemaType.ARRAY)) {
            schema.minItems(size.min() > 0 ? size.min() : null).maxItems(size.max() < Integer.MAX_VALUE ? size.max() : null);
        }
        Min min = accessor.getAnnotation(Min.class);
        if (min != null) {
            schema.minimum(BigDecimal.valueOf(min.value()));
        }
        Max max = accessor.getAnnotation(Max.class);
        if (max != null) {
            schema.maximum(BigDecimal.valueOf(max.value()));
        }
        return schema;
    }
}
