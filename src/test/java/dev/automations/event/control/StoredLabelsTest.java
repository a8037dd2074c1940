package dev.automations.event.control;

import dev.automations.filter.LabelPaths;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The label vectors (§8) as an event stores them: {@code null} for no label paths (L01, L02), never {@code {}}. */
class StoredLabelsTest {

    @TestFactory
    Stream<DynamicTest> everyLabelVectorIsStoredAsTheVectorSays() throws Exception {
        JsonObject vectors;
        try (InputStream in = getClass().getResourceAsStream("/vectors/filters.json"); JsonReader reader = Json.createReader(in)) {
            vectors = reader.readObject();
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        vectors.getJsonObject("headers").getJsonObject("H").forEach((k, v) -> headers.put(k, ((JsonString) v).getString()));
        return vectors.getJsonArray("labels").stream().map(JsonValue::asJsonObject).map(c -> dynamicTest(c.getString("id"), () -> {
            String stored = Judgement.stored(LabelPaths.parse(c.get("label_paths")).resolve(c.get("payload"), headers));
            if (c.get("labels").getValueType() == JsonValue.ValueType.NULL) {
                assertNull(stored);
            } else {
                try (JsonReader reader = Json.createReader(new StringReader(stored))) {
                    assertEquals(c.get("labels"), reader.readValue());
                }
            }
        }));
    }
}
