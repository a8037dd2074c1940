package dev.automations.mcp.control;

import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers sent with every request to an MCP server (§16), such as {@code Authorization}. Names are HTTP tokens;
 * values are single-line text. Headers that the transport sets itself, or that the JDK's client refuses to set, are
 * refused here, so a server that was accepted can always be called.
 */
final class Headers {

    static final int MAX_COUNT = 32;
    static final int MAX_VALUE = 8192;
    private static final Set<String> RESERVED = Set.of("host", "connection", "content-length", "content-type", "accept", "expect",
            "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection", "mcp-session-id", "mcp-protocol-version",
            "last-event-id");

    private Headers() {
    }

    /** @throws IllegalArgumentException saying what is wrong, fit for a {@code validations} entry on {@code headers} */
    static Map<String, String> check(JsonObject json) {
        if (json.size() > MAX_COUNT) {
            throw new IllegalArgumentException("must have at most " + MAX_COUNT + " headers");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> header : json.entrySet()) {
            String name = header.getKey();
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}")) {
                throw new IllegalArgumentException("has a name that is not an HTTP header name");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + " is set by the MCP transport itself");
            }
            if (!(header.getValue() instanceof JsonString value)) {
                throw new IllegalArgumentException(name + " must be a string");
            }
            String text = value.getString();
            if (text.length() > MAX_VALUE || text.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw new IllegalArgumentException(name + " must be one line of at most " + MAX_VALUE + " characters");
            }
            headers.put(name, text);
        }
        return headers;
    }

    static String toJson(Map<String, String> headers) {
        var json = JsonText.JSON.createObjectBuilder();
        headers.forEach(json::add);
        return json.build().toString();
    }

    static Map<String, String> fromJson(String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonText.read(json).asJsonObject().forEach((name, value) -> headers.put(name, ((JsonString) value).getString()));
        return headers;
    }
}
