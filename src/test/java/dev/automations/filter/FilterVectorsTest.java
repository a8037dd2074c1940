package dev.automations.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every case of the contract's vectors file (§7, §8). */
class FilterVectorsTest {

    private static final JsonObject VECTORS = Vectors.filters();

    /** The label cases use headers H without naming it (see L11). */
    private static final String LABEL_HEADERS = "H";

    @Test
    void vectorsHaveEveryKindOfCase() {
        assertEquals(40, VECTORS.getJsonArray("cases").size());
        assertEquals(9, VECTORS.getJsonArray("invalid").size());
        assertEquals(12, VECTORS.getJsonArray("labels").size());
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        return VECTORS.getJsonArray("cases").stream().map(JsonValue::asJsonObject).map(c -> dynamicTest(title(c), () -> {
            JsonValue payload = VECTORS.getJsonObject("payloads").get(c.getString("payload"));
            FilterResult result = Filter.parse(c.get("filter")).evaluate(payload, headers(c.getString("headers")));
            assertEquals(c.getBoolean("matches"), result.matched(), () -> "reason: " + result.reason());
            if (result.matched()) {
                assertNull(result.reason());
            } else {
                assertFalse(result.reason().isBlank());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidFilters() {
        return VECTORS.getJsonArray("invalid").stream().map(JsonValue::asJsonObject).map(c -> dynamicTest(title(c), () -> {
            JsonValue filter = c.get("filter");
            InvalidFilterException e = assertThrows(InvalidFilterException.class, () -> Filter.parse(filter));
            List<String> named = filter instanceof JsonObject object ? List.copyOf(object.keySet()) : List.of("filter");
            assertTrue(named.contains(e.selector()), () -> "names " + e.selector() + ", expected one of " + named);
            assertTrue(e.getMessage().startsWith(e.selector() + ": "), e::getMessage);
        }));
    }

    @TestFactory
    Stream<DynamicTest> labels() {
        return VECTORS.getJsonArray("labels").stream().map(JsonValue::asJsonObject).map(c -> dynamicTest(title(c), () -> {
            Map<String, String> labels = LabelPaths.parse(c.get("label_paths")).resolve(c.get("payload"), headers(LABEL_HEADERS));
            JsonValue expected = c.get("labels");
            if (expected.getValueType() == JsonValue.ValueType.NULL) {
                assertNull(labels);
            } else {
                Map<String, String> wanted = new LinkedHashMap<>();
                expected.asJsonObject().forEach((k, v) -> wanted.put(k, ((JsonString) v).getString()));
                assertEquals(List.copyOf(wanted.entrySet()), List.copyOf(labels.entrySet()), "labels in order");
            }
        }));
    }

    private static Map<String, String> headers(String name) {
        Map<String, String> given = new LinkedHashMap<>();
        VECTORS.getJsonObject("headers").getJsonObject(name).forEach((k, v) -> given.put(k, ((JsonString) v).getString()));
        return Vectors.headers(given);
    }

    private static String title(JsonObject c) {
        return c.getString("id") + (c.containsKey("why") ? " " + c.getString("why") : "");
    }
}
