package dev.automations.platform.boundary;

import dev.automations.platform.control.StoredJson;
import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A stored text copied into a response reads as the same JSON as the tree the responses carried before. */
class StoredJsonTest {

    private static final Jsonb JSONB = new JsonbConfiguration().getContext(Object.class);

    public record Copied(String name, StoredJson payload) {
    }

    public record Tree(String name, JsonValue payload) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "{\"a\":{\"b\":[1,2,{\"c\":null}]},\"d\":[[],{}],\"e\":true,\"f\":false}",
            "{\"n\":[0,-0,1.50,1e5,-2.5E-3,12345678901234567890123,0.000001]}",
            "{\"s\":\"quote \\\" backslash \\\\ tab \\t nl \\n nul \\u0000 é \\u00e9 😀 \\ud83d\\ude00 </script>\"}",
            "\"a string alone\"", "42", "null", "true",
            "{ \"spaced\" : [ 1 , 2 ] ,\n \"out\" : { } }"})
    void writesWhatTheTreeWrote(String text) {
        assertEquals(JSONB.toJson(new Tree("x", JsonText.read(text))), JSONB.toJson(new Copied("x", StoredJson.of(text))));
    }

    @Test
    void writesTheFilterVectorsAsTheTreeDid() throws Exception {
        String vectors;
        try (InputStream in = getClass().getResourceAsStream("/vectors/filters.json")) {
            vectors = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(JSONB.toJson(new Tree("v", JsonText.read(vectors))), JSONB.toJson(new Copied("v", StoredJson.of(vectors))));
    }

    @Test
    void anAbsentTextIsLeftOutLikeAnyNull() {
        assertEquals("{\"name\":\"x\"}", JSONB.toJson(new Copied("x", StoredJson.of(null))));
    }
}
