package dev.automations.filter;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** Test helpers: the shared vectors file and JSON literals. */
final class Vectors {

    private Vectors() {
    }

    static JsonObject filters() {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/filters.json")) {
            if (in == null) {
                throw new IllegalStateException("/vectors/filters.json is not on the test classpath");
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON written with single quotes, which keeps JSON literals in Java strings readable. */
    static JsonValue json(String singleQuoted) {
        try (JsonReader reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
            return reader.readValue();
        }
    }

    /** Headers as the webhook resource hands them over: looked up regardless of case. */
    static Map<String, String> headers(Map<String, String> given) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(given);
        return headers;
    }
}
