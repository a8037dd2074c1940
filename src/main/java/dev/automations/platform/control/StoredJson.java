package dev.automations.platform.control;

import dev.automations.platform.entity.JsonText;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;

/**
 * JSON kept as text that a response carries as a JSON value. It is copied into the response event by event, never read
 * into a tree: a stored payload of 64 KB of empty objects is a tree of megabytes, and a page of 500 such events ran
 * the heap out (decisions.md, "Event pages"). The text was valid JSON when it was stored.
 */
@JsonbTypeSerializer(StoredJson.Copy.class)
public record StoredJson(String text) {

    /** @return null for null, so that JSON-B leaves the property out as it does any null */
    public static StoredJson of(String text) {
        return text == null ? null : new StoredJson(text);
    }

    @Override
    public String toString() {
        return text;
    }

    public static final class Copy implements JsonbSerializer<StoredJson> {

        @Override
        public void serialize(StoredJson json, JsonGenerator generator, SerializationContext context) {
            try (JsonParser parser = JsonText.JSON.createParser(new StringReader(json.text()))) {
                while (parser.hasNext()) {
                    copy(parser, generator);
                }
            }
        }

        private static void copy(JsonParser parser, JsonGenerator generator) {
            switch (parser.next()) {
                case START_OBJECT -> generator.writeStartObject();
                case START_ARRAY -> generator.writeStartArray();
                case END_OBJECT, END_ARRAY -> generator.writeEnd();
                case KEY_NAME -> generator.writeKey(parser.getString());
                case VALUE_STRING -> generator.write(parser.getString());
                case VALUE_NUMBER -> generator.write(parser.getBigDecimal());
                case VALUE_TRUE -> generator.write(true);
                case VALUE_FALSE -> generator.write(false);
                case VALUE_NULL -> generator.writeNull();
            }
        }
    }
}
