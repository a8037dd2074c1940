package dev.automations.platform.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.Collection;
import java.util.List;

/** JSON kept in a text column: both databases store it alike, and the service never queries inside it. */
public final class JsonText {

    /**
     * Looked up once: every {@code jakarta.json.Json} factory call searches the class path for the provider
     * (measured: most of a cron batch's time went to that search).
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonText() {
    }

    public static String write(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString();
    }

    public static JsonValue read(String text) {
        if (text == null) {
            return null;
        }
        try (var reader = JsonText.JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    public static String strings(Collection<?> values) {
        var array = JsonText.JSON.createArrayBuilder();
        values.forEach(v -> array.add(v.toString()));
        return array.build().toString();
    }

    public static List<String> strings(String text) {
        JsonArray array = read(text).asJsonArray();
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
