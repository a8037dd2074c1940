package dev.automations.filter;

import dev.automations.platform.entity.JsonText;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JakartaJsonProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Jayway JSONPath evaluated directly on the JSON-P payload; see {@link Selector}. */
record JsonPathSelector(String text, JsonPath path) implements Selector {

    private static final Configuration JSON_P = Configuration.builder().jsonProvider(new ExactNumbers()).build();

    static JsonPathSelector parse(String text) {
        // Jayway runs =~ with java.util.regex, which backtracks: one payload could stall the server.
        if (text.contains("=~")) {
            throw new InvalidFilterException(text, "regex matching (=~) inside a JSONPath is not allowed;"
                    + " select the value and use the $regex operator");
        }
        try {
            return new JsonPathSelector(text, JsonPath.compile(text));
        } catch (RuntimeException e) {
            throw new InvalidFilterException(text, "invalid JSONPath: " + e.getMessage());
        }
    }

    @Override
    public Optional<JsonValue> select(JsonValue payload, Map<String, String> headers) {
        if (payload == null) {
            return Optional.empty();
        }
        Object found;
        try {
            found = path.read(payload, JSON_P);
        } catch (RuntimeException e) {
            // A path that does not fit this payload (missing key, index out of range, a function on
            // the wrong type) surfaces as one of several exceptions; all mean "found nothing".
            return Optional.empty();
        }
        if (!path.isDefinite() && ((List<?>) found).isEmpty()) {
            return Optional.empty();
        }
        return toJson(found);
    }

    /** Jayway hands back a mix of JSON-P values and the plain Java values its provider unwrapped. */
    private static Optional<JsonValue> toJson(Object value) {
        if (value == null) {
            return Optional.of(JsonValue.NULL);
        }
        if (value instanceof JsonValue json) {
            return Optional.of(json);
        }
        if (value instanceof String string) {
            return Optional.of(JsonText.JSON.createValue(string));
        }
        if (value instanceof Boolean bool) {
            return Optional.of(bool ? JsonValue.TRUE : JsonValue.FALSE);
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof JsonObjectBuilder object) {
            return Optional.of(object.build());
        }
        if (value instanceof JsonArrayBuilder array) {
            return Optional.of(array.build());
        }
        if (value instanceof Collection<?> elements) {
            JsonArrayBuilder array = JsonText.JSON.createArrayBuilder();
            for (Object element : elements) {
                Optional<JsonValue> json = toJson(element);
                if (json.isEmpty()) {
                    return Optional.empty();
                }
                array.add(json.get());
            }
            return Optional.of(array.build());
        }
        return Optional.empty();
    }

    /** Functions such as {@code avg()} can produce NaN or infinity, which JSON cannot hold. */
    private static Optional<JsonValue> number(Number number) {
        if (number instanceof BigDecimal exact) {
            return Optional.of(JsonText.JSON.createValue(exact));
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? Optional.of(JsonText.JSON.createValue(d)) : Optional.empty();
        }
        return Optional.of(JsonText.JSON.createValue(new BigDecimal(number.toString())));
    }

    /**
     * Jayway's Jakarta provider unwraps numbers to int, long or double: digits get lost and an
     * integer beyond long throws. Keeping the exact BigDecimal makes {@code 42 = 42.0} and large ids
     * compare as they do with dotted paths.
     */
    private static final class ExactNumbers extends JakartaJsonProvider {
        @Override
        public Object unwrap(Object obj) {
            return obj instanceof JsonNumber number ? number.bigDecimalValue() : super.unwrap(obj);
        }
    }
}
