package dev.automations.webhook.control;

import dev.automations.platform.control.UntrustedJson;
import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A delivery's body as the filter sees it and as the event log stores it (§6 step 5, "Stored payloads").
 *
 * @param json   the parsed JSON, or {@code null} for a body that is not JSON (selectors then find nothing)
 * @param stored what the event keeps: the JSON verbatim up to 64 KiB, a {@code _truncated} stub above,
 *               or the {@code _raw_body} envelope for anything else
 */
public record Payload(JsonValue json, String stored) {

    public static final int MAX_STORED_BYTES = 64 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";

    public boolean isRaw() {
        return json == null;
    }

    public static Payload of(byte[] body, String contentType) {
        String text = new String(body, StandardCharsets.UTF_8);
        String json = isForm(contentType) ? formPayload(text) : text;
        JsonValue parsed = json == null ? null : parse(json);
        if (parsed == null) {
            String cut = text.length() > MAX_STORED_BYTES ? text.substring(0, MAX_STORED_BYTES) : text;
            return new Payload(null, JsonText.JSON.createObjectBuilder().add("_raw_body", cut)
                    .add("_content_note", "Original payload was not valid JSON.").build().toString());
        }
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        return new Payload(parsed, size <= MAX_STORED_BYTES ? json : truncated(size));
    }

    public static String truncated(long originalSize) {
        return JsonText.JSON.createObjectBuilder().add("_truncated", true).add("_original_size", originalSize).build().toString();
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM);
    }

    /** GitHub's form content type puts the JSON in a {@code payload} field. */
    private static String formPayload(String body) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("payload")) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    return null;
                }
            }
        }
        return null;
    }

    /** JSON past the service's limits (nesting, number length) is kept like any other text that is not JSON. */
    private static JsonValue parse(String text) {
        try {
            return UntrustedJson.parse(new StringReader(text));
        } catch (UntrustedJson.Invalid e) {
            return null;
        }
    }
}
